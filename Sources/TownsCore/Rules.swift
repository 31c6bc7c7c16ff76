import Foundation

/// One of the province's rules for towns on the lists (rules.toml), with its numbers and
/// its source. `kind` names the check that applies the numbers (see `Assessment`).
public struct Rule: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case yearOneMinimum = "year-one-minimum"
        case creationMinimum = "creation-minimum"
        case creationPeriod = "creation-period"
        case featuredShare = "featured-share"
        case plannedArea = "planned-area"
        case builtArea = "built-area"
        case scenicRating = "scenic-rating"
        case visitors
        case landReward = "land-reward"
        case landDeduction = "land-deduction"

        /// Numbers the rule must give (亿元, %, km², years, ...).
        public var requiredNumbers: [String] {
            switch self {
            case .yearOneMinimum, .creationMinimum: return ["minimum", "lower_minimum"]
            case .creationPeriod: return ["years", "lower_years"]
            case .featuredShare: return ["percent"]
            case .plannedArea, .builtArea: return ["maximum"]
            case .scenicRating: return ["minimum_rating", "tourism_rating"]
            case .visitors: return ["minimum"]
            case .landReward: return ["percent", "higher_percent"]
            case .landDeduction: return ["times"]
            }
        }
    }

    public var id: String
    public var kind: Kind
    /// Column title in the assessment view.
    public var shortZH: String
    public var titleZH: String
    public var titleEN: String
    public var text: String
    /// The rule's numbers by name ("minimum" = 10 亿元, "percent" = 70 %, ...).
    public var numbers: [String: Decimal]
    /// Industry lists by name ("lower_industries", "higher_industries").
    public var industries: [String: [String]]
    /// Whether the 26 accelerated-development counties get the lower tier.
    public var lowerInAcceleratedCounties: Bool
    public var provenance: Provenance
    public var origin: SourceLocation?

    public func number(_ name: String) -> Decimal { numbers[name] ?? 0 }
}
