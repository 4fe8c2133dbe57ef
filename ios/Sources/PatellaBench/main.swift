// Per-sample cost through the Swift bindings (issue 4), run by
// scripts/bench-ffi, never by the tests: a timing is a measurement to read,
// not something to assert. Prints ns per call for a near-empty call (`tick`
// at an unchanged time), a snapshot, `pushSample`, and raw RSC bytes through
// `SensorClient.pushRawRsc` with `feedRun`, plus the ratios between them.
import Foundation
import Patella

/// Counts events without keeping them, so the observer adds little.
final class CountingObserver: RunObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var seen = 0
    func onEvent(event: RunEvent) {
        lock.lock()
        seen += 1
        lock.unlock()
    }
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }
}

/// A session that cannot end during the bench: one long run segment.
func session(_ observer: RunObserver) throws -> RunSession {
    try RunSession(
        plan: RunPlan(segments: [RunSegment(kind: .run, durationS: 80_000)], cadenceTargetSpm: 170),
        settings: nil,
        observer: observer
    )
}

/// Times `calls` calls of `body(i)`; returns ns per call.
func time(_ calls: Int, _ body: (Int) throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for i in 0..<calls { try body(i) }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(calls)
}

func report(_ name: String, _ ns: Double) {
    print("swift  " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: " %10.0f ns/call", ns))
}

let n = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let warm = n / 5
let observer = CountingObserver()

do {
    // tick at an unchanged time: the FFI round trip with almost no work behind it.
    let ticking = try session(observer)
    try ticking.start(nowMs: 0)
    _ = try time(warm) { _ in try ticking.tick(nowMs: 0) }
    let tickNs = try time(n) { _ in try ticking.tick(nowMs: 0) }

    let viewing = try session(observer)
    try viewing.start(nowMs: 0)
    _ = try time(warm) { _ in _ = try viewing.snapshot(nowMs: 0) }
    let snapshotNs = try time(n) { _ in _ = try viewing.snapshot(nowMs: 0) }

    // One reading every 100 ms of session time, in band: the normal case.
    let pushing = try session(observer)
    try pushing.start(nowMs: 0)
    func sample(_ i: Int) -> RunSample {
        RunSample(atMs: UInt64(i + 1) * 100, sourceId: "phone-pedometer", cadence: 172,
                  unit: .stepsPerMinute, speedMps: 3, strideLengthM: nil, gait: nil)
    }
    _ = try time(warm) { i in try pushing.pushSample(sample: sample(i)) }
    let pushNs = try time(n) { i in try pushing.pushSample(sample: sample(warm + i)) }
    let pushDropped = try pushing.snapshot(nowMs: 0).droppedSamples

    // Raw bytes into the sensor client, carried into the run inside Rust.
    // Readings closer than the sensor clock's millisecond are refused by the
    // run as duplicates (counted as dropped): the path is the same up to that check.
    let fed = try session(observer)
    let client = SensorClient()
    try client.feedRun(session: fed)
    try client.startPushed(sourceId: "foot-pod")
    try fed.start(nowMs: 0)
    try client.pushLinkState(up: true)
    let bytes = Data([0x04, 0x00, 0x03, 172])
    _ = try time(warm) { _ in try client.pushRawRsc(bytes: bytes) }
    let rscNs = try time(n) { _ in try client.pushRawRsc(bytes: bytes) }
    let fedView = try fed.snapshot(nowMs: 0)
    try client.stop()

    print("swift  FFI bench: \(n) calls each after \(warm) warm-up calls")
    report("tick (unchanged time)", tickNs)
    report("snapshot", snapshotNs)
    report("RunSession.pushSample", pushNs)
    report("SensorClient.pushRawRsc + feedRun", rscNs)
    print(String(format: "swift  ratio pushSample / tick          %6.2f", pushNs / tickNs))
    print(String(format: "swift  ratio pushSample / snapshot      %6.2f", pushNs / snapshotNs))
    print(String(format: "swift  ratio pushRawRsc+feedRun / tick  %6.2f", rscNs / tickNs))
    print("swift  pushSample dropped \(pushDropped); pushRawRsc dropped \(fedView.droppedSamples) of \(n + warm) (same-ms duplicates), run cadence \(fedView.cadence.spm.map { String($0) } ?? "none"); events seen \(observer.count)")
} catch {
    FileHandle.standardError.write("bench failed: \(error)\n".data(using: .utf8)!)
    exit(1)
}
