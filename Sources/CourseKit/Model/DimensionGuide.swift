/// What each Hofstede score tends to mean on a call, read from `Content/data/dimension-guide.yaml`:
/// the band thresholds, one text per dimension and band, and advice for a gap between the
/// customers and the people who serve them.
public struct DimensionGuide: Sendable {
    /// A score below `low` is in the low band; above `high`, the high band; otherwise the middle.
    public var low: Int
    public var high: Int
    /// The smallest difference the compare page calls a gap worth preparing for.
    public var gap: Int
    public var dimensions: [Dimension: DimensionNotes]

    public enum Band: String, Sendable { case low, middle, high }

    public func band(of score: Int) -> Band {
        score < low ? .low : score > high ? .high : .middle
    }
}

/// The texts of one dimension.
public struct DimensionNotes: Sendable {
    /// One sentence: what the dimension measures.
    public var about: String
    public var low: String
    public var middle: String
    public var high: String
    /// Advice when the customers' score is higher than the other side's, and when it is lower.
    public var customersHigher: String
    public var customersLower: String

    public func text(for band: DimensionGuide.Band) -> String {
        switch band {
        case .low: low
        case .middle: middle
        case .high: high
        }
    }
}
