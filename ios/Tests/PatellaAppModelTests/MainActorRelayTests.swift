// Observer calls made on the library's delivery threads reach the main
// actor, in the order they were made, and never after close.
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

final class MainActorRelayTests: XCTestCase {
    @MainActor
    func testRunEventsFromTheDeliveryThreadArriveOnTheMainActorInOrder() async throws {
        var seen: [(name: String, atMs: UInt64, onMain: Bool)] = []
        let relay = RunEventRelay { event in seen.append((event.name, event.atMs, Thread.isMainThread)) }
        let collector = RunCollector()
        let relayed = try RunSession(plan: goldenRunPlan, settings: nil, observer: relay)
        let direct = try RunSession(plan: goldenRunPlan, settings: nil, observer: collector)
        // Driven from another thread while the main actor is free to take the calls.
        let worker = Thread {
            for session in [relayed, direct] {
                try? session.start(nowMs: 0)
                for t in UInt64(1)...260 {
                    if let spm = goldenCadence(atSecond: t) {
                        try? session.pushSample(sample: RunSample(
                            atMs: t * 1_000, sourceId: "pod", cadence: spm, unit: .stepsPerMinute, speedMps: nil,
                            strideLengthM: nil, gait: nil))
                    }
                    try? session.tick(nowMs: t * 1_000)
                }
                try? session.stop(nowMs: 261_000)
                _ = session.flushEvents(timeoutMs: 10_000)
            }
        }
        worker.start()
        let expected = await eventually(10) { collector.events.count > 20 && seen.count == collector.events.count }
        XCTAssertTrue(expected, "\(seen.count) relayed, \(collector.events.count) delivered directly")
        XCTAssertEqual(seen.map(\.name), collector.events.map(\.name))
        XCTAssertEqual(seen.map(\.atMs), collector.events.map(\.atMs))
        XCTAssertTrue(seen.allSatisfy(\.onMain))
        relay.relay.close()
    }

    @MainActor
    func testSensorCallsFromAnotherThreadArriveInOrderOnTheMainActor() async throws {
        var sensorsSeen: [Int] = []
        var onMain = true
        let relay = SensorEventRelay { call in
            onMain = onMain && Thread.isMainThread
            if case let .picker(screen) = call { sensorsSeen.append(screen.sensors.count) }
        }
        let client = SensorClient()
        try client.setObserver(observer: relay)
        let worker = Thread {
            try? client.pushScanState(state: .started)
            for i in 0..<30 {
                try? client.pushFoundSensor(sensor: FoundSensor(
                    id: "pod-\(i)", address: "AA:BB:CC:00:00:\(i)", name: "Pod \(i)", rssi: -60))
            }
            try? client.pushScanState(state: .finished)
        }
        worker.start()
        let all = await eventually { sensorsSeen.last == 30 && sensorsSeen.count >= 31 }
        XCTAssertTrue(all, "\(sensorsSeen)")
        XCTAssertEqual(sensorsSeen, sensorsSeen.sorted(), "each picker call has at least the sensors of the one before")
        XCTAssertTrue(onMain)
        try client.close()
        relay.relay.close()
    }

    @MainActor
    func testNothingIsHandedOnAfterCloseEvenWhatWasAlreadyQueued() async throws {
        var handled: [Int] = []
        let relay = MainActorRelay<Int> { handled.append($0) }
        relay.send(1)
        relay.send(2)
        let first = await eventually { handled == [1, 2] }
        XCTAssertTrue(first)
        relay.send(3) // queued, not yet handed on: the main actor is busy with this test
        relay.close()
        relay.send(4)
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(handled, [1, 2])
    }
}
