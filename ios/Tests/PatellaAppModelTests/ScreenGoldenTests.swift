// Each screen model against the golden screen files of the Rust test
// (bindings/tests/screens_golden.rs): the same scripted day is driven
// through the real library, every record is compared field by field with
// its file, and then the app session, opened on that record with fake
// ports, must show in each model's state what the file says.
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

/// The scripted day of `bindings/tests/screens_support/mod.rs`, step for step.
func scriptedDay(in dir: String) throws -> (RecordStore, Coach) {
    let store = try RecordStore.open(dir: dir)
    // Tuesday's run, measured elsewhere and brought in as a backup first.
    _ = try store.importBackup(backup: """
        {"format": "patella-backup", "schema_version": 1,
          "records": {"check_ins": [], "sessions": [], "settings": {}, "runs": [{"id": "run-2026-11-24",
          "started_at": "2026-11-24T18:00:00", "duration_s": 1890, "distance_m": 3400,
          "average_cadence_spm": 163.5, "target_cadence_spm": 168.0}]}}
        """)
    let coach = try Coach.open(store: store)
    let runner = RunnerProfile(
        experience: .newToRunning, weeklyMinutes: nil, weeklyKm: nil, daysPerWeek: 3,
        preferredDays: [.tuesday, .thursday, .saturday], goal: .continuous15Minutes, equipment: [.wall],
        ageYears: 40, osteoarthritis: false, osteoporosis: false, balanceProblems: false,
        bodyMassKg: nil, heightCm: nil, kneePain: 2, strengthDaysPerWeek: nil, cadenceBaselineSpm: nil)
    try coach.saveProfile(profile: runner, planStart: "2026-11-23")
    try coach.markSession(date: "2026-11-24", session: .run, result: .done)
    _ = try coach.recordCheckIn(checkIn: CheckIn(
        takenAt: "2026-11-24T19:00:00", score: 3, moment: .afterRun, quality: nil, location: nil, redFlags: []))
    try store.saveSettings(settings: AppSettings(
        distanceUnit: .kilometres, metronome: true, alertsAboveBand: false, voiceCues: true, planReminders: true,
        planReminderMinute: 6 * 60 + 30, checkInReminders: true, checkInReminderMinute: 8 * 60))
    try store.savePairedSensor(sensor: PairedSensorRecord(
        id: "C4:7F:51:0A:22:9E", name: "Stride pod", cadenceUnit: .stridesPerMinute))
    return (store, coach)
}

final class ScreenGoldenTests: XCTestCase {
    private let wednesday = "2026-11-25"

    func testEveryScreenRecordMatchesItsGoldenFileFieldByField() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let (store, coach) = try scriptedDay(in: folder.path)
        let today = try coach.todayScreen(date: wednesday)
        let due = try XCTUnwrap(today.checkInDue)
        Golden.assertMatches(today, try Golden.load("today"), "today")
        Golden.assertMatches(checkInScreen(moment: due.moment), try Golden.load("check-in"), "check-in")
        Golden.assertMatches(try coach.planScreen(date: wednesday, weeks: 2), try Golden.load("plan"), "plan")
        Golden.assertMatches(try store.progressScreen(today: wednesday), try Golden.load("progress"), "progress")
        Golden.assertMatches(try store.settingsScreen(), try Golden.load("settings"), "settings")
        Golden.assertMatches(try coach.reminders(now: "\(wednesday)T06:00:00"), try Golden.load("reminders"),
                             "reminders")
    }

    /// The comparison itself can fail: one changed field is named.
    func testOneChangedFieldIsReported() throws {
        var golden = try Golden.load("settings")
        guard case var .object(fields) = golden else { return XCTFail("settings.json is an object") }
        fields["plan_reminder_time"] = .string("06:31")
        golden = .object(fields)
        let built = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf:
            Golden.folder.appendingPathComponent("settings.json")))
        XCTAssertEqual(Golden.differences(golden, built),
                       [".plan_reminder_time: golden \"06:31\", built \"06:30\""])
    }

    @MainActor
    func testTheSessionShowsEachGoldenRecordInItsModel() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        do { _ = try scriptedDay(in: folder.path) }
        let fakes = FakePorts()
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: .pedometerOnly)
        session.planWeeks = 2
        try session.open()
        defer { session.close() }

        try checkToday(session.today.state, try Golden.load("today"))
        try checkPlan(session.plan.state, try Golden.load("plan"))
        try checkProgress(session.progress.state, try Golden.load("progress"))
        try checkSettings(session.settings.state, try Golden.load("settings"))

        session.today.openCheckIn()
        XCTAssertEqual(session.checkInMoment, .nextMorning)
        try checkCheckIn(session.checkIn.state, try Golden.load("check-in"))

        let reminders = try Golden.load("reminders").array
        XCTAssertEqual(fakes.notifier.scheduled.map(\.id), reminders.compactMap { $0["id"].string })
        XCTAssertEqual(fakes.notifier.scheduled.map(\.at), reminders.map { $0["at"].string })
        XCTAssertEqual(fakes.notifier.scheduled.map(\.title), reminders.compactMap { $0["title"].string })
        XCTAssertEqual(fakes.notifier.scheduled.map(\.body), reminders.compactMap { $0["body"].string })
    }

    private func checkToday(_ s: TodayState, _ g: JSONValue) throws {
        XCTAssertEqual(s.title, g["title"].string)
        XCTAssertEqual(s.summary, g["summary"].string)
        XCTAssertEqual(s.notes, g["notes"].strings)
        XCTAssertEqual(s.advisories, g["advisories"].strings)
        XCTAssertEqual(s.emptyState, g["empty_state"].string)
        XCTAssertEqual(s.disclaimer, g["disclaimer"].string)
        XCTAssertEqual(s.checkInPrompt, g["check_in_due"]["prompt"].string)
        XCTAssertEqual(s.sessions.count, g["sessions"].array.count)
        for (row, gs) in zip(s.sessions, g["sessions"].array) {
            XCTAssertEqual(row.title, gs["title"].string)
            XCTAssertEqual(row.summary, gs["summary"].string)
            XCTAssertEqual(row.notes, gs["notes"].strings)
            XCTAssertEqual(row.statusLabel, gs["status_label"].string)
            XCTAssertEqual(row.canStartRun, gs["can_start_run"].bool)
            XCTAssertEqual(row.canMarkDone, gs["can_mark_done"].bool)
            XCTAssertEqual(row.canMarkSkipped, gs["can_mark_skipped"].bool)
            XCTAssertEqual(row.exercises.count, gs["exercises"].array.count)
            for (e, ge) in zip(row.exercises, gs["exercises"].array) {
                XCTAssertEqual(e.id, ge["id"].string)
                XCTAssertEqual(e.name, ge["name"].string)
                XCTAssertEqual(e.partLabel, ge["part_label"].string)
                XCTAssertEqual(e.dose, ge["dose"].string)
                XCTAssertEqual(e.cues, ge["cues"].strings)
                XCTAssertEqual(e.insteadOf, ge["instead_of"].string)
            }
        }
    }

    private func checkPlan(_ s: PlanState, _ g: JSONValue) throws {
        XCTAssertNil(s.errorMessage)
        XCTAssertEqual(s.advisories, g["advisories"].strings)
        XCTAssertEqual(s.disclaimer, g["disclaimer"].string)
        XCTAssertEqual(s.weeks.count, g["weeks"].array.count)
        for (w, gw) in zip(s.weeks, g["weeks"].array) {
            XCTAssertEqual(Double(w.id), gw["number"].number)
            XCTAssertEqual(w.heading, gw["heading"].string)
            XCTAssertEqual(w.kindLabel, gw["kind_label"].string)
            XCTAssertEqual(w.isCurrent, gw["is_current"].bool)
            XCTAssertEqual(w.lines.map(\.text), gw["lines"].array.compactMap { $0["text"].string })
            XCTAssertEqual(w.lines.map(\.inset), gw["lines"].array.compactMap { $0["indent"].number.map { $0 * 16 } })
        }
    }

    private func checkProgress(_ s: ProgressState, _ g: JSONValue) throws {
        let snap = g["snapshot"], axes = g["axes"]
        XCTAssertEqual(s.emptyState, axes["empty_state"].string)
        XCTAssertEqual(s.painMin, axes["pain_min"].number)
        XCTAssertEqual(s.painMax, axes["pain_max"].number)
        XCTAssertEqual(s.painBandMax, axes["pain_band_max"].number)
        XCTAssertEqual(s.pain.map { $0.points.map(\.x) },
                       snap["pain"].array.map { $0["points"].array.compactMap { $0["taken_at"].string } })
        XCTAssertEqual(s.pain.map { $0.points.map(\.y) },
                       snap["pain"].array.map { $0["points"].array.compactMap { $0["score"].number } })
        XCTAssertEqual(s.pain.map { $0.points.map(\.flagged) },
                       snap["pain"].array.map { $0["points"].array.compactMap { $0["above_buffer"].bool } })
        XCTAssertEqual(s.volume.map(\.x), snap["weekly_volume"].array.compactMap { $0["week_start"].string })
        XCTAssertEqual(s.volume.map(\.y), axes["volume_values"].array.compactMap(\.number))
        XCTAssertEqual(s.volume.map(\.label), axes["volume_labels"].strings)
        XCTAssertEqual(s.volume.map(\.flagged), snap["weekly_volume"].array.compactMap { $0["over_cap"].bool })
        XCTAssertEqual(s.volumeMax, axes["volume_max"].number)
        XCTAssertEqual(s.volumeUnit, axes["volume_unit"].string)
        XCTAssertEqual(s.cadence.map(\.x), snap["cadence"].array.compactMap { $0["date"].string })
        XCTAssertEqual(s.cadence.map(\.y), snap["cadence"].array.compactMap { $0["average_spm"].number })
        XCTAssertEqual(s.cadence.map(\.flagged), snap["cadence"].array.compactMap { $0["on_target"].bool.map { !$0 } })
        XCTAssertEqual(s.cadenceMin, axes["cadence_min_spm"].number)
        XCTAssertEqual(s.cadenceMax, axes["cadence_max_spm"].number)
        XCTAssertEqual(s.cadenceBandMin, axes["cadence_band_min_spm"].number)
        XCTAssertEqual(s.cadenceBandMax, axes["cadence_band_max_spm"].number)
        XCTAssertEqual(s.cadenceBandLabel, axes["cadence_band_label"].string)
        XCTAssertEqual(s.streakLabel, axes["streak_label"].string)
        XCTAssertEqual(s.activeDaysLabel, axes["active_days_label"].string)
        XCTAssertEqual(s.improvementAdvice, snap["improvement_advice"].string)
    }

    private func checkSettings(_ s: SettingsState, _ g: JSONValue) throws {
        let set = g["settings"]
        XCTAssertEqual(s.voiceCues, set["voice_cues"].bool)
        XCTAssertEqual(s.metronome, set["metronome"].bool)
        XCTAssertEqual(s.alertsAboveBand, set["alerts_above_band"].bool)
        XCTAssertEqual(s.usesMiles, set["distance_unit"].string == "miles")
        XCTAssertEqual(s.distanceUnitLabel, g["distance_unit_label"].string)
        XCTAssertEqual(s.planReminders, set["plan_reminders"].bool)
        XCTAssertEqual(s.planReminderTime, g["plan_reminder_time"].string)
        XCTAssertEqual(s.checkInReminders, set["check_in_reminders"].bool)
        XCTAssertEqual(s.checkInReminderTime, g["check_in_reminder_time"].string)
        XCTAssertEqual(s.sensorLabel, g["sensor_label"].string)
        XCTAssertEqual(s.sensorUnitLabel, g["sensor"]["unit_label"].string)
        XCTAssertEqual(s.canForgetSensor, g["can_forget_sensor"].bool)
    }

    private func checkCheckIn(_ s: CheckInState, _ g: JSONValue) throws {
        XCTAssertEqual(s.title, g["title"].string)
        XCTAssertEqual(s.prompt, g["prompt"].string)
        XCTAssertEqual(s.scale.map { Double($0.id) }, g["scale"].array.compactMap { $0["score"].number })
        XCTAssertEqual(s.scale.map(\.scoreLabel), g["scale"].array.compactMap { $0["score"].number.map { String(Int($0)) } })
        XCTAssertEqual(s.scale.map(\.label), g["scale"].array.compactMap { $0["label"].string })
        XCTAssertEqual(s.scale.map(\.zoneLabel), g["scale"].array.compactMap { $0["zone_label"].string })
        let tones: [String: ScaleTone] = ["no_pain": .noPain, "within_buffer": .withinBuffer, "above_buffer": .aboveBuffer]
        XCTAssertEqual(s.scale.map(\.tone), g["scale"].array.compactMap { $0["zone"].string.flatMap { tones[$0] } })
        XCTAssertEqual(s.moments.map(\.label), g["moments"].array.compactMap { $0["label"].string })
        let preselected = g["moments"].array.firstIndex { $0["moment"] == g["moment"] }
        XCTAssertEqual(s.moments.firstIndex(where: \.selected), preselected)
        XCTAssertEqual(s.qualityPrompt, g["quality_prompt"].string)
        XCTAssertEqual(s.qualities.map(\.label), g["qualities"].array.compactMap { $0["label"].string })
        XCTAssertEqual(s.locationPrompt, g["location_prompt"].string)
        XCTAssertEqual(s.locations.map(\.label), g["locations"].array.compactMap { $0["label"].string })
        XCTAssertEqual(s.redFlagPrompt, g["red_flag_prompt"].string)
        XCTAssertEqual(s.redFlags.map(\.label), g["red_flags"].array.compactMap { $0["question"].string })
        XCTAssertEqual(s.submitLabel, g["submit_label"].string)
        XCTAssertFalse(s.canSubmit, "no score picked yet")
    }
}
