import CourseKit
import Foundation
import Synchronization

/// Standard error, and whether a person is watching it.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardError = Terminal(descriptor: STDERR_FILENO)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    func write(_ text: String) {
        FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(Data(text.utf8))
    }

    func print(diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        write(diagnostics.map(\.description).joined(separator: "\n") + "\n")
    }
}

/// A progress line redrawn in place on a terminal.
final class TerminalProgress: BuildProgress {
    private let terminal: Terminal
    /// Whether a line is on the screen; held while drawing, so lines from several threads do not mix.
    private let drawn = Mutex(false)

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    func advance(stage: String, done: Int, total: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        drawn.withLock { drawn in
            terminal.write("\r\u{1B}[2K\(stage): \(done)/\(total) (\(percent)%)")
            drawn = true
        }
    }

    func finish() {
        drawn.withLock { drawn in
            if drawn { terminal.write("\r\u{1B}[2K") }
            drawn = false
        }
    }
}
