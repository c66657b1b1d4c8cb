/// A shuffle that depends only on a seed text (a question id), so a page is the same at every build.
struct SeededShuffle {
    private var state: UInt64

    init(seed: String) {
        // FNV-1a over the UTF-8 bytes, then SplitMix64 steps.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A permutation of `0..<count`, every one equally likely (Fisher–Yates).
    mutating func shuffled(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            indices.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        return indices
    }

    /// A permutation of `0..<count` that is never the identity when `count > 1`,
    /// so an `order` question is never shown already solved.
    mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        guard count > 1 else { return indices }
        repeat {
            for i in stride(from: count - 1, to: 0, by: -1) {
                indices.swapAt(i, Int(next() % UInt64(i + 1)))
            }
        } while indices == Array(0..<count)
        return indices
    }
}
