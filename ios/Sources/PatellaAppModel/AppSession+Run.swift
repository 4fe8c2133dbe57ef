// The live run: made from today's plan (or the runner's own), kept in the
// record from its start, brought back after a kill, driven by the 1 Hz tick
// and finished once; and the readings the platform pushes into it.
import Foundation
import Patella

extension AppSession {
    // MARK: the run

    /// Prepares today's planned run (the runner presses Start on the Run screen).
    func startPlannedRun() {
        guard let coach else { return }
        attempt(today.fail) {
            guard let planned = try coach.plannedRun(date: ports.clock.today()) else { return }
            let settings = appSettings.map { runSettingsFor(settings: $0) }
            try keep { try RunSession.fromPlannedRun(run: planned, settings: settings, observer: $0) }
        }
    }

    /// Prepares a run on a plan of the runner's own, outside the coach's plan.
    public func startRun(plan: RunPlan, settings: RunSettings?) {
        attempt(run.fail) { try keep { try RunSession(plan: plan, settings: settings, observer: $0) } }
    }

    /// Makes the session, keeps it in the record (so a kill cannot lose
    /// it), and makes it the live run.
    private func keep(_ make: (RunEventRelay) throws -> RunSession) throws {
        guard let store, runSession == nil else { return }
        let session = try make(makeRunRelay())
        // A run the app was killed during, which the runner chose not to
        // resume, is kept as it stood: starting afresh loses nothing of it
        // (nothing happens when none waits, or its checkpoint is damaged).
        if let coach { _ = try coach.keepUnfinishedRun() }
        try session.keepIn(store: store, runId: UUID().uuidString, startedAt: ports.clock.localDateTime())
        adopt(session)
    }

    /// Brings back the run the app was killed during, paused; the runner resumes it.
    func resumeUnfinishedRun() {
        guard let store, runSession == nil else { return }
        attempt(today.fail) {
            let session = try RunSession.restore(store: store, nowMs: ports.clock.nowMs(), observer: makeRunRelay())
            adopt(session)
        }
    }

    func startRunClock() { drive { try $0.start(nowMs: $1) } }
    func pauseRun() { drive { try $0.pause(nowMs: $1) } }
    func resumeRun() { drive { try $0.resume(nowMs: $1) } }

    /// Ends the run early and keeps it.
    func stopRun() { finishRun() }

    /// Once a second while a run is live: the session's clock and the Run screen.
    public func tick() {
        if case .appPushed = cadenceSource { try? sensor?.pushTick() }
        drive { try $0.tick(nowMs: $1) }
    }

    private func makeRunRelay() -> RunEventRelay {
        runRelay?.relay.close()
        let relay = RunEventRelay { [weak self] event in self?.handle(runEvent: event) }
        runRelay = relay
        return relay
    }

    private func adopt(_ session: RunSession) {
        runSession = session
        pedometerReported = false
        run.setActive(true)
        // A foot pod that cannot be reached is shown on the Run screen; the
        // run goes on (on the pedometer, or untimed cadence).
        attempt(run.fail) {
            switch cadenceSource {
            case .libraryBluetooth:
                try sensor?.feedRun(session: session)
                if let id = try store?.pairedSensor()?.id {
                    try sensor?.start(sensorId: id)
                }
            case let .appPushed(sourceId):
                try sensor?.feedRun(session: session)
                try sensor?.startPushed(sourceId: sourceId)
            case .pedometerOnly:
                break
            }
        }
        redrawRun()
        refreshScreens()
    }

    private func drive(_ input: (RunSession, UInt64) throws -> Void) {
        guard let runSession else { return }
        attempt(run.fail) { try input(runSession, ports.clock.nowMs()) }
        redrawRun()
    }

    func redrawRun() {
        guard let runSession else { return }
        attempt(run.fail) { run.show(try runSession.snapshot(nowMs: ports.clock.nowMs())) }
    }

    /// Finishes the run, keeps it in the record with the coach, and lets the
    /// session go. The session's last events still reach the runner.
    func finishRun() {
        guard let runSession, let coach else { return }
        let now = ports.clock.nowMs()
        attempt(run.fail) {
            let summary = try runSession.finish(nowMs: now)
            run.show(try runSession.snapshot(nowMs: now))
            _ = try coach.completeRun(summary: summary)
        }
        // Hand the last events (the stop's cue) to the relay before the
        // session's delivery ends; the relay plays them on the main actor.
        _ = runSession.flushEvents(timeoutMs: 1_000)
        runSession.close()
        try? sensor?.feedRun(session: nil)
        if cadenceSource != .pedometerOnly { try? sensor?.stop() }
        ports.metronome.stop()
        self.runSession = nil
        run.setActive(false)
        refreshScreens()
    }

    // MARK: what the platform pushes (its own Bluetooth stack, the pedometer)

    public func pushFoundSensor(_ found: FoundSensor) {
        attempt(sensorPicker.fail) { try sensor?.pushFoundSensor(sensor: found) }
    }

    public func pushScanState(_ state: PushedScanState) {
        attempt(sensorPicker.fail) { try sensor?.pushScanState(state: state) }
    }

    public func pushRawRsc(_ bytes: [UInt8]) {
        attempt(run.fail) { try sensor?.pushRawRsc(bytes: Data(bytes)) }
    }

    public func pushRawBattery(_ bytes: [UInt8]) {
        attempt(run.fail) { try sensor?.pushRawBattery(bytes: Data(bytes)) }
    }

    public func pushLinkState(up: Bool) {
        attempt(run.fail) { try sensor?.pushLinkState(up: up) }
    }

    /// The phone's own cadence (CMPedometer), used when no foot pod is read.
    public func pushPedometer(stepsPerMinute: Double) {
        guard let runSession else { return }
        let now = ports.clock.nowMs()
        attempt(run.fail) {
            if !pedometerReported {
                try runSession.reportSensorLink(sourceId: Self.pedometerSourceId, link: .connected, nowMs: now)
                pedometerReported = true
            }
            try runSession.pushSample(sample: RunSample(
                atMs: now, sourceId: Self.pedometerSourceId, cadence: stepsPerMinute, unit: .stepsPerMinute,
                speedMps: nil, strideLengthM: nil, gait: nil))
        }
    }
}
