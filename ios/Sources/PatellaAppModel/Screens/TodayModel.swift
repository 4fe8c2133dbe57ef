// The Today screen: the day's sessions from `Coach.todayScreen`, and the
// runner's intents on them (start the run, mark a session done or skipped,
// answer the due check-in).
import Foundation
import Observation
import Patella

/// One exercise line. Fed by `TodayExercise`.
public struct TodayExerciseRow: Equatable, Identifiable, Sendable {
    /// `id`: the catalogue id, unique within a session.
    public var id: String
    /// `name`: the row's title.
    public var name: String
    /// `partLabel`: the small caption (warm-up, strength...).
    public var partLabel: String
    /// `dose`: sets and reps, on the right.
    public var dose: String
    /// `cues`: the how-to lines under the name.
    public var cues: [String]
    /// `insteadOf`: "instead of ..." note, when the knee swapped the move.
    public var insteadOf: String?
}

/// One session card. Fed by `TodaySession`.
public struct TodaySessionRow: Equatable, Identifiable, Sendable {
    /// Position in the day, the card's identity.
    public var id: Int
    /// `title`: the card's heading.
    public var title: String
    /// `summary`: the line under the heading.
    public var summary: String
    /// `notes`: why the knee shapes this session.
    public var notes: [String]
    /// `statusLabel`: the badge (to do, done, skipped).
    public var statusLabel: String
    /// `canStartRun`: shows the Start run button.
    public var canStartRun: Bool
    /// `canMarkDone`: enables Done.
    public var canMarkDone: Bool
    /// `canMarkSkipped`: enables Skip.
    public var canMarkSkipped: Bool
    /// `exercises`: the list inside the card.
    public var exercises: [TodayExerciseRow]
}

/// What the Today view shows. Fed by `TodayScreen`.
public struct TodayState: Equatable, Sendable {
    /// `title`: the date heading.
    public var title: String
    /// `summary`: the day in one line.
    public var summary: String
    /// `notes`: the knee's notes for the day.
    public var notes: [String]
    /// `sessions`: the cards.
    public var sessions: [TodaySessionRow]
    /// `checkInDue.prompt`: the check-in banner; nil hides it.
    public var checkInPrompt: String?
    /// `advisories`: clinician and hold notices, above everything.
    public var advisories: [String]
    /// `emptyState`: shown instead of the cards (no profile yet).
    public var emptyState: String?
    /// `disclaimer`: the footer.
    public var disclaimer: String
    /// The last refused intent's message, from the core's error; nil: none.
    public var errorMessage: String?
    /// An unfinished run in the record (the app was killed mid-run): shows Resume run.
    public var canResumeRun: Bool

    public static let empty = TodayState(
        title: "", summary: "", notes: [], sessions: [], checkInPrompt: nil, advisories: [],
        emptyState: nil, disclaimer: "", errorMessage: nil, canResumeRun: false)
}

@MainActor
@Observable
public final class TodayModel {
    public private(set) var state = TodayState.empty
    @ObservationIgnored private var record: TodayScreen?
    @ObservationIgnored weak var session: AppSession?

    public init() {}

    /// Shows a fresh record from the core.
    public func show(_ screen: TodayScreen, canResumeRun: Bool = false) {
        record = screen
        state = TodayState(
            title: screen.title,
            summary: screen.summary,
            notes: screen.notes,
            sessions: screen.sessions.enumerated().map { index, s in
                TodaySessionRow(
                    id: index, title: s.title, summary: s.summary, notes: s.notes, statusLabel: s.statusLabel,
                    canStartRun: s.canStartRun, canMarkDone: s.canMarkDone, canMarkSkipped: s.canMarkSkipped,
                    exercises: s.exercises.map {
                        TodayExerciseRow(id: $0.id, name: $0.name, partLabel: $0.partLabel, dose: $0.dose,
                                         cues: $0.cues, insteadOf: $0.insteadOf)
                    })
            },
            checkInPrompt: screen.checkInDue?.prompt,
            advisories: screen.advisories,
            emptyState: screen.emptyState,
            disclaimer: screen.disclaimer,
            // A refused intent's message outlives the redraw that follows it.
            errorMessage: state.errorMessage,
            canResumeRun: canResumeRun)
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }

    /// The record could not be opened (the app shows why, in the core's words).
    public func showOpenFailure(_ error: Error) {
        fail(error)
    }

    // MARK: intents

    public func startRun() {
        state.errorMessage = nil
        session?.startPlannedRun()
    }

    public func resumeRun() {
        state.errorMessage = nil
        session?.resumeUnfinishedRun()
    }

    public func markDone(_ row: TodaySessionRow) { mark(row, .done) }

    public func markSkipped(_ row: TodaySessionRow) { mark(row, .skipped) }

    public func openCheckIn() {
        guard let due = record?.checkInDue else { return }
        session?.openCheckIn(moment: due.moment)
    }

    private func mark(_ row: TodaySessionRow, _ result: SessionResult) {
        guard let record, row.id < record.sessions.count else { return }
        state.errorMessage = nil
        session?.markSession(record.sessions[row.id].session, result: result, date: record.date)
    }
}
