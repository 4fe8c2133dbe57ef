// The app session: owns the record store, the coach, the sensor client and
// the live run; opens and closes them; feeds every screen model from the
// core's records; routes each event's cue through the cue policy to the
// phone's ports; and brings back a run the system killed the app during.
import Foundation
import Observation
import Patella

/// Where the run's cadence comes from.
public enum CadenceSource: Equatable, Sendable {
    /// The library's own Bluetooth client connects to the paired foot pod.
    case libraryBluetooth
    /// The app owns the Bluetooth link and pushes raw RSC bytes under this id.
    case appPushed(sourceId: String)
    /// No foot pod: the phone's pedometer readings (`pushPedometer`) only.
    case pedometerOnly
}

@MainActor
@Observable
public final class AppSession {
    public let today = TodayModel()
    public let checkIn = CheckInModel()
    public let plan = PlanModel()
    public let progress = ProgressModel()
    public let settings = SettingsModel()
    public let sensorPicker = SensorPickerModel()
    public let run = RunModel()

    public private(set) var isOpen = false
    /// The Check-in sheet is open for this moment; nil: closed.
    public private(set) var checkInMoment: CheckInMoment?
    /// A foot pod is paired; without one the phone's pedometer stands in.
    public private(set) var hasPairedSensor = false
    /// The scene is active: cues show on screen, so no notifications.
    public var appInFront = true

    /// The source id pedometer readings carry (and the sensor panel shows).
    public static let pedometerSourceId = "phone-motion"
    /// How many weeks the Plan screen shows.
    public var planWeeks: UInt16 = 4

    @ObservationIgnored private let dataDirectory: String
    @ObservationIgnored private let ports: AppPorts
    @ObservationIgnored private let cadenceSource: CadenceSource
    @ObservationIgnored private var store: RecordStore?
    @ObservationIgnored private var coach: Coach?
    @ObservationIgnored private var sensor: SensorClient?
    @ObservationIgnored private var sensorRelay: SensorEventRelay?
    @ObservationIgnored private var runSession: RunSession?
    @ObservationIgnored private var runRelay: RunEventRelay?
    @ObservationIgnored private var preferences = CuePreferences(voiceCues: true, metronome: false)
    @ObservationIgnored private var appSettings: AppSettings?
    @ObservationIgnored private var pedometerReported = false

    public init(dataDirectory: String, ports: AppPorts, cadenceSource: CadenceSource) {
        self.dataDirectory = dataDirectory
        self.ports = ports
        self.cadenceSource = cadenceSource
        today.session = self
        checkIn.session = self
        settings.session = self
        sensorPicker.session = self
        run.session = self
    }

    // MARK: lifecycle

    /// Opens the record (creating its folder), the coach and the sensor
    /// client, and reads every screen. Throws the core's typed error.
    public func open() throws {
        guard !isOpen else { return }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let store = try RecordStore.open(dir: dataDirectory)
        let coach = try Coach.open(store: store)
        let sensor = SensorClient()
        let relay = SensorEventRelay { [weak self] call in self?.handle(sensorCall: call) }
        try sensor.setObserver(observer: relay)
        self.store = store
        self.coach = coach
        self.sensor = sensor
        sensorRelay = relay
        isOpen = true
        refreshScreens()
    }

    /// Ends everything: no callback reaches the models or the ports after
    /// this returns, and the record is released for the next opener.
    public func close() {
        runRelay?.relay.close()
        sensorRelay?.relay.close()
        runSession?.close()
        try? sensor?.close()
        ports.metronome.stop()
        ports.speaker.silence()
        runSession = nil
        runRelay = nil
        sensor = nil
        sensorRelay = nil
        coach = nil
        store = nil
        run.setActive(false)
        checkInMoment = nil
        isOpen = false
    }

    /// Reads every screen again from the core, and reschedules the reminders.
    public func refreshScreens() {
        guard let store, let coach, let sensor else { return }
        let date = ports.clock.today()
        let resumable = runSession == nil && ((try? unfinishedRun(store: store)) ?? nil) != nil
        attempt(today.fail) { today.show(try coach.todayScreen(date: date), canResumeRun: resumable) }
        attempt(plan.fail) { plan.show(try coach.planScreen(date: date, weeks: planWeeks)) }
        attempt(progress.fail) { progress.show(try store.progressScreen(today: date)) }
        attempt(settings.fail) {
            let screen = try store.settingsScreen()
            appSettings = screen.settings
            hasPairedSensor = screen.sensor != nil
            preferences = CuePreferences(screen.settings)
            settings.show(screen)
        }
        attempt(sensorPicker.fail) { sensorPicker.show(try sensor.pickerScreen()) }
        attempt(today.fail) {
            ports.notifier.schedule(reminders: try coach.reminders(now: ports.clock.localDateTime()).map {
                LocalNotification(id: $0.id, title: $0.title, body: $0.body, at: $0.at, importance: .active)
            })
        }
    }

    // MARK: profile, sessions, check-ins, settings

    /// Saves the runner's profile (onboarding) and redraws.
    public func saveProfile(_ profile: RunnerProfile, planStart: String) {
        attempt(today.fail) { try coach?.saveProfile(profile: profile, planStart: planStart) }
        refreshScreens()
    }

    func markSession(_ session: SessionType, result: SessionResult, date: String) {
        attempt(today.fail) { try coach?.markSession(date: date, session: session, result: result) }
        refreshScreens()
    }

    func openCheckIn(moment: CheckInMoment) {
        checkIn.show(checkInScreen(moment: moment))
        checkInMoment = moment
    }

    public func closeCheckIn() {
        checkInMoment = nil
    }

    func localDateTime() -> String { ports.clock.localDateTime() }

    func submit(checkIn draft: CheckIn) {
        if draft.moment == .duringRun, let runSession {
            let now = ports.clock.nowMs()
            attempt(checkIn.fail) {
                try runSession.checkIn(nowMs: now, checkin: draft)
                let screen = try runSession.snapshot(nowMs: now)
                run.show(screen)
                checkIn.saved(advice: screen.lastAssessment?.advice)
            }
            return
        }
        attempt(checkIn.fail) {
            guard let coach else { return }
            checkIn.saved(try coach.recordCheckIn(checkIn: draft))
        }
        refreshScreens()
    }

    func save(settings next: AppSettings) {
        attempt(settings.fail) { try store?.saveSettings(settings: next) }
        refreshScreens()
    }

    func forgetSensor() {
        attempt(settings.fail) { try store?.savePairedSensor(sensor: nil) }
        refreshScreens()
    }

    func pair(sensorId: String, name: String) {
        attempt(sensorPicker.fail) {
            try store?.savePairedSensor(sensor: PairedSensorRecord(id: sensorId, name: name, cadenceUnit: .unknown))
        }
        refreshScreens()
    }

    func scanForSensors(seconds: Double) {
        attempt(sensorPicker.fail) { try sensor?.startScan(seconds: seconds) }
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

    // MARK: the run

    /// Prepares today's planned run (the runner presses Start on the Run screen).
    func startPlannedRun() {
        guard let coach else { return }
        attempt(today.fail) {
            let day = try coach.today(date: ports.clock.today())
            let planned = day.sessions.compactMap { session -> PlannedRun? in
                if case let .run(run) = session { return run }
                return nil
            }.first
            guard let planned else { return }
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

    private func redrawRun() {
        guard let runSession else { return }
        attempt(run.fail) { run.show(try runSession.snapshot(nowMs: ports.clock.nowMs())) }
    }

    /// Finishes the run, keeps it in the record with the coach, and lets the
    /// session go. The session's last events still reach the runner.
    private func finishRun() {
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

    // MARK: events

    func handle(runEvent event: RunEvent) {
        let delivery = CuePolicy.delivery(for: event, preferences: preferences, appInFront: appInFront)
        deliver(delivery)
        run.heard(event.cue)
        switch delivery.action {
        case let .metronome(intervalMs):
            if let intervalMs { ports.metronome.start(intervalMs: intervalMs) } else { ports.metronome.stop() }
        case .askCheckIn:
            if runSession != nil { openCheckIn(moment: .duringRun) }
        case .sessionEnded:
            finishRun()
        case .none:
            break
        }
        redrawRun()
    }

    func handle(sensorCall call: SensorCall) {
        if case let .picker(screen) = call {
            sensorPicker.show(screen)
            return
        }
        if let delivery = CuePolicy.delivery(for: call, preferences: preferences, appInFront: appInFront) {
            deliver(delivery)
        }
        redrawRun()
    }

    private func deliver(_ delivery: CueDelivery) {
        if let speech = delivery.speech { ports.speaker.speak(speech) }
        if let haptic = delivery.haptic { ports.haptics.play(haptic) }
        if let notification = delivery.notification { ports.notifier.post(notification) }
    }

    /// Runs a core call; a refusal shows as the model's error message, so
    /// no view handles errors.
    private func attempt(_ fail: (Error) -> Void, _ body: () throws -> Void) {
        do { try body() } catch { fail(error) }
    }
}
