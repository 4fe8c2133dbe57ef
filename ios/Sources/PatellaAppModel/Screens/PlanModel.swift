// The Plan screen: the weeks ahead from `Coach.planScreen`, each with the
// same lines `patella plan` prints.
import Foundation
import Observation
import Patella

/// One line of a week. Fed by `PlanLine`.
public struct PlanLine: Equatable, Identifiable, Sendable {
    /// Position in the week.
    public var id: Int
    /// `text`: the line.
    public var text: String
    /// `indent`, as points of leading inset (16 per level).
    public var inset: Double
}

/// One week section. Fed by `PlanWeekScreen`.
public struct PlanWeekRow: Equatable, Identifiable, Sendable {
    /// `number`: the week's number, its identity.
    public var id: Int
    /// `heading`: the section header.
    public var heading: String
    /// `kindLabel`: the small badge (first week, a step up, a step back...).
    public var kindLabel: String
    /// `isCurrent`: highlights this week and scrolls to it.
    public var isCurrent: Bool
    /// `lines`: the days and sessions.
    public var lines: [PlanLine]
}

/// What the Plan view shows. Fed by `PlanScreen`.
public struct PlanState: Equatable, Sendable {
    /// `advisories`: clinician and hold notices on top.
    public var advisories: [String]
    /// `weeks`: one section each.
    public var weeks: [PlanWeekRow]
    /// `disclaimer`: the footer.
    public var disclaimer: String
    /// The core's message when the plan could not be read (no profile yet).
    public var errorMessage: String?

    public static let empty = PlanState(advisories: [], weeks: [], disclaimer: "", errorMessage: nil)
}

@MainActor
@Observable
public final class PlanModel {
    /// Points of leading inset per `indent` level.
    static let insetPerLevel = 16.0

    public private(set) var state = PlanState.empty

    public init() {}

    public func show(_ screen: PlanScreen) {
        state = PlanState(
            advisories: screen.advisories,
            weeks: screen.weeks.map { week in
                PlanWeekRow(
                    id: Int(week.number), heading: week.heading, kindLabel: week.kindLabel, isCurrent: week.isCurrent,
                    lines: week.lines.enumerated().map {
                        PlanLine(id: $0.offset, text: $0.element.text, inset: Double($0.element.indent) * Self.insetPerLevel)
                    })
            },
            disclaimer: screen.disclaimer,
            errorMessage: nil)
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }
}
