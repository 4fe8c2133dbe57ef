import Foundation
import XCTest
@testable import Patella

/// Issue 11 ("Errors and docs"): every error type crosses with the Rust text,
/// and `localizedDescription` shows it as it is.
final class ErrorMessagesTests: XCTestCase {
    final class Silent: RunObserver, @unchecked Sendable {
        func onEvent(event: RunEvent) {}
    }

    private func assertShows(_ text: String, _ call: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try call(), file: file, line: line) { error in
            XCTAssertEqual(error.localizedDescription, text, file: file, line: line)
            XCTAssertEqual((error as? PatellaError)?.message, text, file: file, line: line)
        }
    }

    func testAStoreErrorShowsTheRustText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("patella-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try RecordStore.open(dir: dir.path)
        assertShows(
            "today: \"22/11/2026\" is not a usable date and time (like 2026-11-22T07:30:00, in the years 1970-2199)"
        ) { _ = try store.progressScreen(today: "22/11/2026") }
    }

    func testACoachErrorShowsTheRustText() {
        assertShows("no profile has been saved yet") { _ = try Coach().plannedRun(date: "2026-11-24") }
    }

    func testACheckInErrorShowsTheRustText() {
        let checkIn = CheckIn(takenAt: "2026-11-24T19:00", score: 11, moment: .afterRun, quality: nil, location: nil, redFlags: [])
        assertShows("score: 11 is outside the 0-10 pain scale") { _ = try Coach().recordCheckIn(checkIn: checkIn) }
    }

    func testARunSessionErrorShowsTheRustText() {
        assertShows("plan: segments: a session needs at least one segment") {
            _ = try RunSession(plan: RunPlan(segments: [], cadenceTargetSpm: nil), settings: nil, observer: Silent())
        }
    }

    func testASensorErrorShowsTheRustText() {
        let client = SensorClient()
        assertShows("no pushed sensor: call start_pushed first") { try client.pushRawRsc(bytes: Data([0, 170])) }
        assertShows("source_id: must not be empty") { try client.startPushed(sourceId: " ") }
    }
}
