import Foundation
import XCTest
@testable import Patella

/// Callbacks are guests (issue 10, findings 1-3 and 5), through the real
/// library from Swift: observers that are slow, that call back in, and one
/// that waits for the thread that is stopping the sensor. (A Swift observer
/// cannot throw through these non-throwing methods; the throwing cases are in
/// the Kotlin and Rust suites.) Calls that used to hang run on a helper
/// thread with a deadline, so a regression fails instead of hanging.
final class CallbackFaultsTests: XCTestCase {
    private let plan = RunPlan(segments: [RunSegment(kind: .run, durationS: 600)], cadenceTargetSpm: 170)

    private func rsc(_ cadence: UInt8) -> Data { Data([0x04, 0x00, 0x03, cadence]) }

    /// Runs `body` on another thread and fails if it has not returned in 10 s.
    private func within(_ what: String, _ body: @escaping @Sendable () throws -> Void) {
        let done = expectation(description: what)
        Thread {
            do { try body() } catch { XCTFail("\(what): \(error)") }
            done.fulfill()
        }.start()
        wait(for: [done], timeout: 10)
    }

    final class States: SensorObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [SensorConnectionState] = []
        var reaction: ((SensorConnectionState) -> Void)?
        func onState(state: SensorConnectionState) {
            lock.lock()
            seen.append(state)
            lock.unlock()
            reaction?(state)
        }
        func onBattery(percent: UInt8) {}
        func onDetails(details: SensorDetails) {}
        func onWarning(warning: SensorWarning) {}
        func onPicker(screen: SensorPickerScreen) {}
        var states: [SensorConnectionState] {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
    }

    final class Events: RunObserver, @unchecked Sendable {
        var reaction: ((RunEvent) -> Void)?
        func onEvent(event: RunEvent) { reaction?(event) }
    }

    // Finding 1 (an ANR): the observer waits for the main thread while the
    // main thread stops the sensor.
    func testStopFromTheMainThreadWhileTheObserverWaitsForIt() throws {
        let connected = DispatchSemaphore(value: 0)
        let mainDone = DispatchSemaphore(value: 0)
        let observer = States()
        observer.reaction = { state in
            if state == .connected {
                connected.signal()
                _ = mainDone.wait(timeout: .now() + 10)
            }
        }
        let client = SensorClient()
        try client.setObserver(observer: observer)
        try client.startPushed(sourceId: "pod")
        within("stop while the observer waits") {
            try client.pushLinkState(up: true)
            XCTAssertEqual(connected.wait(timeout: .now() + 5), .success)
            try client.stop()
        }
        mainDone.signal()
        XCTAssertTrue(client.flushEvents(timeoutMs: 5_000))
        XCTAssertEqual(observer.states, [.connected, .idle])
    }

    // Findings 2 and 3: stop, pushes and feedRun from inside the callbacks.
    func testEverySensorCallWorksFromInsideEachCallback() throws {
        let client = SensorClient()
        let sensor = States()
        let run = Events()
        let session = try RunSession(plan: plan, settings: nil, observer: run)
        let answers = NSMutableArray()
        sensor.reaction = { [rsc] state in
            guard state == .connected, answers.count == 0 else { return }
            try? client.pushRawRsc(bytes: rsc(171))
            try? client.pushRawBattery(bytes: Data([70]))
            try? client.pushTick()
            try? client.feedRun(session: nil)
            try? client.feedRun(session: session)
            answers.add("sensor observer done")
        }
        run.reaction = { event in
            guard event.name == "sensor_gap" else { return }
            try? client.stop()
            answers.add("stopped from the run observer")
        }
        try client.setObserver(observer: sensor)
        try client.feedRun(session: session)
        try client.startPushed(sourceId: "pod")
        within("pushing while the observers call back in") { [rsc] in
            try session.start(nowMs: monotonicNowMs())
            try client.pushLinkState(up: true)
            for _ in 0..<5 {
                try client.pushRawRsc(bytes: rsc(172))
                usleep(2_000)
            }
            XCTAssertTrue(client.flushEvents(timeoutMs: 5_000))
            try client.pushLinkState(up: false)
            XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
            XCTAssertTrue(client.flushEvents(timeoutMs: 5_000))
        }
        XCTAssertEqual(answers as? [String], ["sensor observer done", "stopped from the run observer"])
        XCTAssertEqual(sensor.states.last, .idle)
        run.reaction = nil
        sensor.reaction = nil
    }

    // Finding 1: a slow observer never holds up the thread that feeds the run.
    func testASlowRunObserverNeverHoldsUpTheCaller() throws {
        let release = DispatchSemaphore(value: 0)
        let run = Events()
        run.reaction = { _ in _ = release.wait(timeout: .now() + 10) }
        let session = try RunSession(plan: plan, settings: nil, observer: run)
        let client = SensorClient()
        try client.feedRun(session: session)
        try client.startPushed(sourceId: "pod")
        within("feeding a run whose observer is stuck") { [rsc] in
            try session.start(nowMs: monotonicNowMs())
            try client.pushLinkState(up: true)
            for _ in 0..<20 {
                try client.pushRawRsc(bytes: rsc(172))
                usleep(2_000)
            }
            for _ in 0..<120 { try session.tick(nowMs: monotonicNowMs()) }
        }
        XCTAssertEqual(try session.snapshot(nowMs: monotonicNowMs()).droppedSamples, 0)
        for _ in 0..<200 { release.signal() }
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        try client.stop()
    }
}
