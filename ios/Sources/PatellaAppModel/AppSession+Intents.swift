// The screens' intents that go to the core: the profile, marking sessions,
// check-ins, settings, the paired sensor and scans.
import Foundation
import Patella

extension AppSession {
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
}
