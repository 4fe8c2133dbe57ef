// The cue policy's table: each urgency and flag, with each preference,
// lands on the expected channels; and every run event kind has a name and
// an app action (the exhaustive switches in CuePolicy.swift make a new kind
// a compile error; this makes a renamed or merged kind a test failure).
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

final class CuePolicyTests: XCTestCase {
    private let urgencies: [RunUrgency] = [.info, .nudge, .warning, .stop]

    func testEveryUrgencyAndFlagLandsOnTheExpectedChannels() {
        let haptic: [RunUrgency: HapticPattern?] = [.info: nil, .nudge: .tap, .warning: .doubleTap, .stop: .longBuzz]
        let importance: [RunUrgency: LocalNotification.Importance] =
            [.info: .passive, .nudge: .active, .warning: .timeSensitive, .stop: .timeSensitive]
        var cases = 0
        for urgency in urgencies {
            for speak in [false, true] {
                for locked in [false, true] {
                    for voice in [false, true] {
                        for inFront in [false, true] {
                            let cue = RunCue(text: "cue text", urgency: urgency, speak: speak, reachLockedPhone: locked)
                            let d = CuePolicy.delivery(
                                for: cue, id: "x", preferences: CuePreferences(voiceCues: voice, metronome: true),
                                appInFront: inFront)
                            XCTAssertEqual(d.speech, speak && voice ? "cue text" : nil)
                            XCTAssertEqual(d.haptic, haptic[urgency] ?? nil)
                            XCTAssertEqual(d.notification?.body, locked && !inFront ? "cue text" : nil)
                            if let n = d.notification { XCTAssertEqual(n.importance, importance[urgency]) }
                            XCTAssertEqual(d.action, RunAction.none)
                            cases += 1
                        }
                    }
                }
            }
        }
        XCTAssertEqual(cases, 64)
    }

    /// One value of every `RunEventKind`, as the core defines them.
    static let everyKind: [RunEventKind] = [
        .sessionStarted(totalMs: 1, segments: 1),
        .segmentStarted(index: 0, segment: .run, durationMs: 1, targetSpm: 170),
        .segmentEndingSoon(index: 0, segment: .run, secondsLeft: 3, next: .walk),
        .halfway(elapsedMs: 1, remainingMs: 1),
        .sessionComplete(elapsedMs: 1),
        .sessionStopped(reason: .user, elapsedMs: 1),
        .paused(elapsedMs: 1),
        .resumed(pausedForMs: 1),
        .checkInPrompt(reason: .afterRunSegment),
        .checkInAssessed(score: 3, zone: .withinBuffer, action: .`continue`),
        .switchedToWalking(segmentsChanged: 1),
        .runEnded(skippedMs: 1),
        .cadenceLow(cadenceSpm: 150, targetSpm: 170, bandLowSpm: 165, belowForMs: 1),
        .cadenceHigh(cadenceSpm: 190, targetSpm: 170, bandHighSpm: 180, aboveForMs: 1),
        .backOnTarget(cadenceSpm: 170, targetSpm: 170),
        .overstride(strideM: 1.4, baselineM: 1.2, speedMps: 3, excessPct: 16),
        .walkingInRunSegment(walkingForMs: 1, cadenceSpm: nil, speedMps: nil),
        .sensorGap(sourceId: "pod", lastReadingMs: 1),
        .sensorRestored(sourceId: "pod", gapMs: 1),
        .unitDetected(sourceId: "pod", unit: .stepsPerMinute),
        .readingsRejected(sourceId: "pod", value: 400, reason: .aboveMax(spm: 400)),
        .metronomeChanged(playing: true, intervalMs: 353),
    ]

    func testEveryRunEventKindHasItsOwnNameAndAnAction() {
        let names = Self.everyKind.map(CuePolicy.name(of:))
        XCTAssertEqual(Set(names).count, 22, "22 kinds, 22 distinct names")
        let on = CuePreferences(voiceCues: true, metronome: true)
        let off = CuePreferences(voiceCues: true, metronome: false)
        for kind in Self.everyKind {
            let action = CuePolicy.action(for: kind, preferences: on)
            switch CuePolicy.name(of: kind) {
            case "metronome_changed":
                XCTAssertEqual(action, .metronome(intervalMs: 353))
                XCTAssertEqual(CuePolicy.action(for: kind, preferences: off), .metronome(intervalMs: nil),
                               "the runner turned the metronome off")
            case "check_in_prompt": XCTAssertEqual(action, .askCheckIn)
            case "session_complete", "session_stopped": XCTAssertEqual(action, .sessionEnded)
            default: XCTAssertEqual(action, RunAction.none, CuePolicy.name(of: kind))
            }
        }
        XCTAssertEqual(CuePolicy.action(for: .metronomeChanged(playing: false, intervalMs: nil), preferences: on),
                       .metronome(intervalMs: nil))
    }

    /// The names match the core's: the golden run's events carry them.
    func testTheNamesAreTheCoresOwn() throws {
        let goldenNames = Set(try Golden.load("run")["cues"].array.compactMap { $0["name"].string })
        let ours = Set(Self.everyKind.map(CuePolicy.name(of:)))
        XCTAssertTrue(goldenNames.isSubset(of: ours), "\(goldenNames.subtracting(ours))")
    }
}
