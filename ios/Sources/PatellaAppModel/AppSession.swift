// The app session: owns the record store, the coach, the sensor client and
// the live run; opens and closes them and feeds every screen model from the
// core's records. Its other parts: AppSession+Intents (what the screens ask
// of the core), AppSession+Run (the live run, kept across a kill, and what
// the platform pushes into it), AppSession+Events (observer calls to cues).
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
    public internal(set) var checkInMoment: CheckInMoment?
    /// A foot pod is paired; without one the phone's pedometer stands in.
    public private(set) var hasPairedSensor = false
    /// The scene is active: cues show on screen, so no notifications.
    public var appInFront = true

    /// The source id pedometer readings carry (and the sensor panel shows).
    public static let pedometerSourceId = "phone-motion"
    /// How many weeks the Plan screen shows.
    public var planWeeks: UInt16 = 4

    @ObservationIgnored let dataDirectory: String
    @ObservationIgnored let ports: AppPorts
    @ObservationIgnored let cadenceSource: CadenceSource
    @ObservationIgnored var store: RecordStore?
    @ObservationIgnored var coach: Coach?
    @ObservationIgnored var sensor: SensorClient?
    @ObservationIgnored var sensorRelay: SensorEventRelay?
    @ObservationIgnored var runSession: RunSession?
    @ObservationIgnored var runRelay: RunEventRelay?
    @ObservationIgnored var preferences = CuePreferences(voiceCues: true, metronome: false)
    @ObservationIgnored var appSettings: AppSettings?
    @ObservationIgnored var pedometerReported = false

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

    /// Runs a core call; a refusal shows as the model's error message, so
    /// no view handles errors.
    func attempt(_ fail: (Error) -> Void, _ body: () throws -> Void) {
        do { try body() } catch { fail(error) }
    }
}
