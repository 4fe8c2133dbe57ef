// Per-sample cost through the Swift bindings (issue 4), run by
// scripts/bench-ffi, never by the tests: a timing is a measurement to read,
// not something to assert. Prints ns per call for a near-empty call (`tick`
// at an unchanged time), a snapshot, `pushSample`, and raw RSC bytes through
// `SensorClient.pushRawRsc` with `feedRun`, plus the ratios between them,
// and one call of each screen record (issue 11).
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
    // The client stamps each reading with the sleep-counting clock on arrival,
    // so the session starts on that clock too.
    let fed = try session(observer)
    let client = SensorClient()
    try client.feedRun(session: fed)
    try client.startPushed(sourceId: "foot-pod")
    try fed.start(nowMs: monotonicNowMs())
    try client.pushLinkState(up: true)
    let bytes = Data([0x04, 0x00, 0x03, 172])
    _ = try time(warm) { _ in try client.pushRawRsc(bytes: bytes) }
    let rscNs = try time(n) { _ in try client.pushRawRsc(bytes: bytes) }
    let fedView = try fed.snapshot(nowMs: monotonicNowMs())
    try client.stop()

    print("swift  FFI bench: \(n) calls each after \(warm) warm-up calls")
    report("tick (unchanged time)", tickNs)
    report("snapshot", snapshotNs)
    report("RunSession.pushSample", pushNs)
    report("SensorClient.pushRawRsc + feedRun", rscNs)
    print(String(format: "swift  ratio pushSample / tick          %6.2f", pushNs / tickNs))
    print(String(format: "swift  ratio pushSample / snapshot      %6.2f", pushNs / snapshotNs))
    print(String(format: "swift  ratio pushRawRsc+feedRun / tick  %6.2f", rscNs / tickNs))
    print("swift  pushSample dropped \(pushDropped); pushRawRsc dropped \(fedView.droppedSamples) of \(n + warm), run cadence \(fedView.cadence.spm.map { String($0) } ?? "none"); events seen \(observer.count)")

    // One call of each screen an app reads, on a record a week into the plan.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try RecordStore.open(dir: dir.path)
    let coach = try Coach.open(store: store)
    try coach.saveProfile(profile: RunnerProfile(
        experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: 3,
        preferredDays: [.tuesday, .thursday, .saturday], goal: .continuous15Minutes, equipment: [.wall],
        ageYears: 40, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
        bodyMassKg: nil, heightCm: nil, kneePain: 2, strengthDaysPerWeek: nil
    ), planStart: "2026-11-23")
    try coach.markSession(date: "2026-11-24", session: .run, result: .done)
    let calls = max(n / 100, 50)
    let screens: [(String, () throws -> Void)] = [
        ("screen Today", { _ = try coach.todayScreen(date: "2026-11-25") }),
        ("screen Check-in", { _ = checkInScreen(moment: .nextMorning) }),
        ("screen Plan (4 weeks)", { _ = try coach.planScreen(date: "2026-11-25", weeks: 4) }),
        ("screen Progress", { _ = try store.progressScreen(today: "2026-11-25") }),
        ("screen Settings", { _ = try store.settingsScreen() }),
        ("reminders (7 days)", { _ = try coach.reminders(now: "2026-11-25T06:00:00") }),
    ]
    for (name, call) in screens {
        _ = try time(calls / 5) { _ in try call() }
        report(name, try time(calls) { _ in try call() })
    }
} catch {
    FileHandle.standardError.write("bench failed: \(error)\n".data(using: .utf8)!)
    exit(1)
}
