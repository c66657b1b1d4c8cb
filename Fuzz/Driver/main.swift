// `meridian-fuzz TARGET FILE…` reads each file as TARGET does (the kept regression inputs,
// say). Built with -sanitize=fuzzer and -DFUZZING (`make fuzz`), the program is libFuzzer's
// instead: `MERIDIAN_FUZZ_TARGET=TARGET meridian-fuzz [libFuzzer options] [corpus folders]`.
import Foundation
import FuzzTargets

#if FUZZING
exit(runLibFuzzer())
#else

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: meridian-fuzz \(names) FILE…\n".utf8))
    exit(2)
}
for path in arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    target.run(data)
}
#endif
