import CourseKit
import Foundation

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
final class TerminalProgress: BuildProgress, @unchecked Sendable {
    private let terminal: Terminal
    private let lock = NSLock()
    private var drawn = false

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    func advance(stage: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = total == 0 ? 100 : done * 100 / total
        terminal.write("\r\u{1B}[2K\(stage): \(done)/\(total) (\(percent)%)")
        drawn = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { terminal.write("\r\u{1B}[2K") }
        drawn = false
    }
}
