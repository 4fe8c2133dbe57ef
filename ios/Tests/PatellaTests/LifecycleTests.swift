import Foundation
import XCTest
@testable import Patella

/// Issue 11 ("Lifecycle"): `close()` on every object that holds an observer
/// lets go of it, so the Swift observer is released while the object itself
/// is still referenced. Before `close()` it is held, which shows the check
/// can fail.
final class LifecycleTests: XCTestCase {
    final class Counting: RunObserver, SensorObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var calls: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
        private func add() {
            lock.lock()
            count += 1
            lock.unlock()
        }
        func onEvent(event: RunEvent) { add() }
        func onState(state: SensorConnectionState) { add() }
        func onBattery(percent: UInt8) { add() }
        func onDetails(details: SensorDetails) { add() }
        func onWarning(warning: SensorWarning) { add() }
        func onPicker(screen: SensorPickerScreen) { add() }
    }

    /// Waits until `isGone` is true or `seconds` passed.
    private func released(within seconds: Double, _ isGone: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !isGone() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    func testAClosedRunSessionReleasesItsObserver() throws {
        weak var weakObserver: Counting?
        let session: RunSession = try {
            let observer = Counting()
            weakObserver = observer
            return try RunSession(plan: RunPlan(segments: [RunSegment(kind: .run, durationS: 600)], cadenceTargetSpm: 170), settings: nil, observer: observer)
        }()
        try session.start(nowMs: 0)
        XCTAssertTrue(session.flushEvents(timeoutMs: 10_000))
        XCTAssertGreaterThan(weakObserver?.calls ?? 0, 0, "start is announced")
        XCTAssertFalse(released(within: 0.3) { weakObserver == nil }, "held while open")
        session.close()
        XCTAssertTrue(released(within: 10) { weakObserver == nil }, "still held after close()")
        try session.tick(nowMs: 3_600_000) // the session stays usable
    }

    func testAClosedSensorClientReleasesItsObserver() throws {
        weak var weakObserver: Counting?
        let client = SensorClient()
        try {
            let observer = Counting()
            weakObserver = observer
            try client.setObserver(observer: observer)
        }()
        try client.startPushed(sourceId: "pod")
        try client.pushRawBattery(bytes: Data([80]))
        XCTAssertTrue(client.flushEvents(timeoutMs: 10_000))
        XCTAssertGreaterThan(weakObserver?.calls ?? 0, 0, "the battery is heard")
        XCTAssertFalse(released(within: 0.3) { weakObserver == nil }, "held while open")
        try client.close()
        XCTAssertTrue(released(within: 10) { weakObserver == nil }, "still held after close()")
    }
}
