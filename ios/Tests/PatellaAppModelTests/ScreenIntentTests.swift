// The screens' intents through the session and the real library: the
// Sensor picker fed by pushed scan results and pairing, Settings changes
// saved and read back (units, reminder times, reminders rescheduled), a
// check-in outside a run and its plan changes, marking a session done, and
// a refused input shown as the core's message.
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

final class ScreenIntentTests: XCTestCase {
    @MainActor
    private func openScriptedDay(_ folder: TempFolder, _ fakes: FakePorts,
                                 source: CadenceSource = .pedometerOnly) throws -> AppSession {
        do { _ = try scriptedDay(in: folder.path) }
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports, cadenceSource: source)
        try session.open()
        return session
    }

    @MainActor
    func testTheSensorPickerShowsWhatTheCoreSaysAndChoosingPairsTheSensor() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let fakes = FakePorts()
        let session = try openScriptedDay(folder, fakes, source: .appPushed(sourceId: "pod"))
        defer { session.close() }
        session.forgetSensorForTest()
        XCTAssertFalse(session.hasPairedSensor)

        let found = FoundSensor(id: "pod-7", address: "C4:7F:51:0A:22:9F", name: "Trail pod", rssi: -58)
        session.pushScanState(.started)
        session.pushFoundSensor(found)
        session.pushScanState(.finished)
        // The same pushes into a second client give the record to compare with.
        let reference = SensorClient()
        try reference.pushScanState(state: .started)
        try reference.pushFoundSensor(sensor: found)
        try reference.pushScanState(state: .finished)
        let record = try reference.pickerScreen()
        let shown = await eventually { session.sensorPicker.state.message == record.message }
        XCTAssertTrue(shown, "the picker follows the observer's onPicker")
        let s = session.sensorPicker.state
        XCTAssertEqual(s.sensors.map(\.id), record.sensors.map(\.id))
        XCTAssertEqual(s.sensors.map(\.label), record.sensors.map(\.label))
        XCTAssertEqual(s.sensors.map(\.signalLabel), record.sensors.map(\.signalLabel))
        XCTAssertEqual(s.sensors.map(\.signalFill), record.sensors.map { Double($0.signalBars) / 4 })
        XCTAssertEqual(s.scanEnabled, record.scanEnabled)
        XCTAssertFalse(s.scanning)

        session.sensorPicker.choose(try XCTUnwrap(s.sensors.first))
        XCTAssertTrue(session.hasPairedSensor)
        XCTAssertTrue(session.settings.state.canForgetSensor)
        XCTAssertTrue(session.settings.state.sensorLabel.contains("Trail pod"), session.settings.state.sensorLabel)
        session.settings.forgetSensor()
        XCTAssertFalse(session.settings.state.canForgetSensor)
        XCTAssertFalse(session.hasPairedSensor)
    }

    @MainActor
    func testSettingsChangesAreSavedReadBackAndFollowedByTheOtherScreens() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let fakes = FakePorts()
        let session = try openScriptedDay(folder, fakes)
        defer { session.close() }
        XCTAssertEqual(session.progress.state.volumeUnit, "km")

        session.settings.setUsesMiles(true)
        XCTAssertTrue(session.settings.state.usesMiles)
        XCTAssertNotEqual(session.settings.state.distanceUnitLabel, "Kilometres (km)")
        XCTAssertEqual(session.progress.state.volumeUnit, "mi")
        XCTAssertEqual(try XCTUnwrap(session.progress.state.volume.first?.y), 3400 / 1609.344, accuracy: 1e-9)

        session.settings.planReminderLater()
        XCTAssertEqual(session.settings.state.planReminderTime, "06:45")
        session.settings.planReminderEarlier()
        session.settings.planReminderEarlier()
        XCTAssertEqual(session.settings.state.planReminderTime, "06:15")
        XCTAssertEqual(fakes.notifier.scheduled.first { $0.id.hasPrefix("plan-") }?.at, "2026-11-25T06:15:00")
        session.settings.setPlanReminders(false)
        XCTAssertFalse(fakes.notifier.scheduled.contains { $0.id.hasPrefix("plan-") })
        XCTAssertTrue(fakes.notifier.scheduled.contains { $0.id.hasPrefix("check-in-") })

        session.settings.setVoiceCues(false)
        session.settings.setMetronome(false)
        session.settings.setAlertsAboveBand(true)
        session.settings.setCheckInReminders(false)
        let s = session.settings.state
        XCTAssertEqual([s.voiceCues, s.metronome, s.alertsAboveBand, s.checkInReminders], [false, false, true, false])
        XCTAssertNil(s.errorMessage)
        XCTAssertEqual(SettingsModel.shift(0, -1), 1425, "wraps round midnight")
        XCTAssertEqual(SettingsModel.shift(1425, 1), 0)
    }

    @MainActor
    func testACheckInAboveTheZoneIsSavedAndItsAdviceAndPlanChangesShown() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let fakes = FakePorts()
        let session = try openScriptedDay(folder, fakes)
        defer { session.close() }
        session.today.openCheckIn()
        session.checkIn.submit()
        XCTAssertNil(session.checkIn.state.advice, "nothing is saved before a score is picked")
        XCTAssertFalse(session.checkIn.state.canSubmit)
        let seven = try XCTUnwrap(session.checkIn.state.scale.first { $0.id == 7 })
        XCTAssertEqual(seven.tone, .aboveBuffer)
        session.checkIn.pick(score: seven)
        session.checkIn.toggle(redFlag: session.checkIn.state.redFlags[0])
        session.checkIn.toggle(redFlag: session.checkIn.state.redFlags[0])
        XCTAssertFalse(session.checkIn.state.redFlags[0].selected, "a second tap unticks it")
        session.checkIn.toggle(quality: session.checkIn.state.qualities[1])
        XCTAssertTrue(session.checkIn.state.canSubmit)
        session.checkIn.submit()
        XCTAssertNil(session.checkIn.state.errorMessage)
        XCTAssertFalse(try XCTUnwrap(session.checkIn.state.advice).isEmpty)
        XCTAssertFalse(session.checkIn.state.planChanges.isEmpty, "pain above 5 changes the plan")
        XCTAssertNil(session.today.state.checkInPrompt, "the morning check-in is no longer due")

        // A refused check-in shows the core's message naming the field.
        fakes.clock.date = "yesterday"
        session.today.openCheckInForTest(moment: .afterRun)
        session.checkIn.pick(score: session.checkIn.state.scale[2])
        session.checkIn.submit()
        XCTAssertTrue(try XCTUnwrap(session.checkIn.state.errorMessage).contains("taken_at"),
                      session.checkIn.state.errorMessage ?? "")
    }

    @MainActor
    func testMarkingASessionDoneRedrawsTodayFromTheCore() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let fakes = FakePorts()
        let session = try openScriptedDay(folder, fakes)
        defer { session.close() }
        let routine = try XCTUnwrap(session.today.state.sessions.first)
        XCTAssertTrue(routine.canMarkDone)
        let before = routine.statusLabel
        session.today.markDone(routine)
        let after = try XCTUnwrap(session.today.state.sessions.first)
        XCTAssertNotEqual(after.statusLabel, before)
        XCTAssertFalse(after.canMarkDone)
        XCTAssertNil(session.today.state.errorMessage)
    }
}

final class RefusalTests: XCTestCase {
    /// A refusal shows in the core's words and survives the redraws after it.
    @MainActor
    func testAFootPodThatCannotStartIsShownOnTheRunScreenAndTheRunGoesOn() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let fakes = FakePorts()
        let session = AppSession(dataDirectory: folder.path, ports: fakes.ports,
                                 cadenceSource: .appPushed(sourceId: " "))
        try session.open()
        defer { session.close() }
        session.startRun(plan: goldenRunPlan, settings: nil)
        XCTAssertTrue(session.run.isActive)
        XCTAssertTrue(try XCTUnwrap(session.run.state.errorMessage).contains("source_id"),
                      session.run.state.errorMessage ?? "")
        fakes.clock.ms = 1_000
        session.tick()
        XCTAssertNotNil(session.run.state.errorMessage, "a redraw keeps the message")
        session.run.start()
        XCTAssertNil(session.run.state.errorMessage, "the next intent clears it")
        XCTAssertEqual(session.run.state.canPause, true)

        // Today without a profile: the core's empty state, and a plan that cannot be read yet.
        XCTAssertNotNil(session.today.state.emptyState)
        XCTAssertNotNil(session.plan.state.errorMessage)
    }
}

extension AppSession {
    func forgetSensorForTest() { forgetSensor() }
}

extension TodayModel {
    func openCheckInForTest(moment: CheckInMoment) { session?.openCheckIn(moment: moment) }
}
