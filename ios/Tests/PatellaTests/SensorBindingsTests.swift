import Foundation
import XCTest
@testable import Patella

/// The sensor client through the real Rust library, in pushed mode (the app
/// owns the Bluetooth link and hands over raw bytes): state, battery and
/// warnings reach a Swift observer, and `feedRun` carries the readings into a
/// run session inside Rust, with no call per reading across the FFI.
final class SensorBindingsTests: XCTestCase {
    enum Seen: Equatable {
        case state(SensorConnectionState)
        case battery(UInt8)
        case details(String)
        case warning(SensorWarning)
        case picker(SensorPickerScreen)
    }

    final class Recorder: SensorObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var all: [Seen] = []
        private func add(_ s: Seen) {
            lock.lock()
            all.append(s)
            lock.unlock()
        }
        var seen: [Seen] {
            lock.lock()
            defer { lock.unlock() }
            return all
        }
        func onState(state: SensorConnectionState) { add(.state(state)) }
        func onBattery(percent: UInt8) { add(.battery(percent)) }
        func onDetails(details: SensorDetails) { add(.details(details.id)) }
        func onWarning(warning: SensorWarning) { add(.warning(warning)) }
        func onPicker(screen: SensorPickerScreen) { add(.picker(screen)) }
    }

    /// An RSC Measurement notification: flags (running), speed 3 m/s, cadence.
    private func rsc(_ cadence: UInt8) -> Data { Data([0x04, 0x00, 0x03, cadence]) }

    // Issue 11, the Sensor picker: one record read with one call, and the
    // same record at each change, for an app that scans by itself.
    func testThePickerScreenListsPushedSensorsStrongestFirst() throws {
        let recorder = Recorder()
        let client = SensorClient()
        try client.setObserver(observer: recorder)
        XCTAssertEqual(try client.pickerScreen().state, .notStarted)
        try client.pushScanState(state: .started)
        try client.pushFoundSensor(sensor: FoundSensor(id: "a", address: "AA:01", name: "Left pod", rssi: -80))
        try client.pushFoundSensor(sensor: FoundSensor(id: "b", address: "AA:02", name: nil, rssi: -50))
        try client.pushScanState(state: .finished)
        XCTAssertTrue(client.flushEvents(timeoutMs: 5_000))
        let screen = try client.pickerScreen()
        XCTAssertEqual(screen.state, .found)
        XCTAssertEqual(screen.sensors.map(\.label), ["Foot pod AA:02", "Left pod"])
        XCTAssertTrue(screen.scanEnabled)
        let heard = recorder.seen.compactMap { seen -> SensorPickerScreen? in
            if case let .picker(p) = seen { return p }
            return nil
        }
        XCTAssertEqual(heard.count, 4)
        XCTAssertEqual(heard.last, screen)
        try client.pushScanState(state: .permissionMissing)
        XCTAssertEqual(try client.pickerScreen().state, .permissionMissing)
    }

    func testPushedBatteryAndBadBytesReachTheObserver() throws {
        let recorder = Recorder()
        let client = SensorClient()
        try client.setObserver(observer: recorder)
        try client.startPushed(sourceId: "watch-pod")
        try client.pushLinkState(up: true)
        try client.pushRawBattery(bytes: Data([9]))
        try client.pushRawRsc(bytes: Data([0x07, 0x00, 0x03]))
        try client.stop()
        XCTAssertTrue(client.flushEvents(timeoutMs: 5_000))
        let seen = recorder.seen
        XCTAssertEqual(seen.first, .state(.connected))
        let battery = try XCTUnwrap(seen.firstIndex(of: .battery(9)), "no battery level in \(seen)")
        // The low-battery threshold is the project's choice, not the articles'.
        XCTAssertEqual(seen[battery + 1], .warning(.lowBattery(percent: 9)))
        let malformed: [String] = seen.compactMap {
            if case let .warning(.malformedPacket(detail)) = $0 { return detail }
            return nil
        }
        XCTAssertEqual(malformed.count, 1)
        XCTAssertFalse(malformed[0].isEmpty)
    }

    func testMisuseIsATypedErrorNamingTheField() throws {
        let client = SensorClient()
        XCTAssertThrowsError(try client.pushRawRsc(bytes: rsc(170))) { error in
            XCTAssertEqual(error as? SensorError, .NotPushing(message: "no pushed sensor: call start_pushed first"))
        }
        XCTAssertThrowsError(try client.startPushed(sourceId: "  ")) { error in
            XCTAssertEqual(error as? SensorError, .InvalidArgument(message: "source_id: must not be empty"))
        }
        XCTAssertThrowsError(try client.scan(seconds: -1)) { error in
            guard case let SensorError.InvalidArgument(message) = error else {
                return XCTFail("expected InvalidArgument, got \(error)")
            }
            XCTAssertTrue(message.hasPrefix("seconds: "), message)
        }
        try client.startPushed(sourceId: "pod")
        XCTAssertThrowsError(try client.startPushed(sourceId: "pod-2")) { error in
            XCTAssertEqual(error as? SensorError, .AlreadyRunning(message: "a sensor is already running; stop it first"))
        }
        try client.stop()
        try client.stop() // stopping twice is fine
        try client.startPushed(sourceId: "pod-2") // and the client can start again
        try client.stop()
    }

    // Readings pushed as raw bytes reach the run session inside Rust: its view
    // shows the cadence, and the run's own events (an implausible reading
    // refused, a link drop as a sensor gap) reach the run observer.
    func testFeedRunCarriesPushedBytesIntoTheRunSession() throws {
        let runEvents = RunBindingsTests.Recorder()
        let plan = RunPlan(segments: [RunSegment(kind: .run, durationS: 600)], cadenceTargetSpm: 170)
        let session = try RunSession(plan: plan, settings: nil, observer: runEvents)
        let client = SensorClient()
        try client.feedRun(session: session)
        try client.startPushed(sourceId: "foot-pod")
        // The session shares the sensor's clock, which began at startPushed.
        try session.start(nowMs: 0)
        try client.pushLinkState(up: true)
        for _ in 0..<12 {
            try client.pushRawRsc(bytes: rsc(172))
            usleep(3_000) // one reading per sensor-clock millisecond at most
        }
        let view = try session.snapshot(nowMs: 0)
        let cadence = try XCTUnwrap(view.cadence.spm, "the pushed cadence never reached the run")
        XCTAssertEqual(cadence, 172, accuracy: 1)
        XCTAssertEqual(view.droppedSamples, 0)

        try client.pushRawRsc(bytes: rsc(250))
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        XCTAssertTrue(runEvents.events.contains {
            guard case let .readingsRejected(sourceId, value, .aboveMax) = $0.kind else { return false }
            return sourceId == "foot-pod" && value == 250
        }, "\(runEvents.names)")

        try client.pushLinkState(up: false)
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        let gaps: [String?] = runEvents.events.compactMap {
            if case let .sensorGap(sourceId, _) = $0.kind { return sourceId }
            return nil
        }
        XCTAssertEqual(gaps, ["foot-pod"])

        // Detached: the session hears nothing more from the sensor.
        try client.feedRun(session: nil)
        let before = runEvents.events.count
        try client.pushLinkState(up: true)
        try client.pushRawRsc(bytes: rsc(250))
        XCTAssertTrue(session.flushEvents(timeoutMs: 5_000))
        XCTAssertEqual(runEvents.events.count, before)
        try client.stop()
    }

    func testClientsAreReleasedWithoutCrashing() throws {
        for n in 0..<200 {
            let client = SensorClient()
            try client.setObserver(observer: Recorder())
            try client.startPushed(sourceId: "pod-\(n)")
            try client.pushRawBattery(bytes: Data([80]))
        }
        weak var released: SensorClient?
        do {
            let client = SensorClient()
            released = client
            try client.startPushed(sourceId: "leaked")
        }
        XCTAssertNil(released, "the client outlived its last reference")
    }
}
