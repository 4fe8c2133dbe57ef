// The core's cue catalogue (tests/fixtures/screens/cues.json, one example of
// every run event kind and every sensor observer call): each example is
// rebuilt through the real library (`sampleRunEvents`, `sampleSensorCues`),
// its cue matches the file, its kind is named by the policy's exhaustive
// switch, and the policy delivers it as its urgency and flags say.
import Foundation
import Patella
@testable import PatellaAppModel
import XCTest

final class CueCatalogueTests: XCTestCase {
    /// What the catalogue's cue must become, read from the file alone.
    private func expected(_ cue: JSONValue, voice: Bool, inFront: Bool) -> (String?, HapticPattern?, String?) {
        let text = cue["text"].string
        let haptics: [String: HapticPattern] = ["nudge": .tap, "warning": .doubleTap, "stop": .longBuzz]
        return (cue["speak"].bool == true && voice ? text : nil,
                cue["urgency"].string.flatMap { haptics[$0] },
                cue["reach_locked_phone"].bool == true && !inFront ? text : nil)
    }

    private func check(_ d: CueDelivery?, _ cue: JSONValue, voice: Bool, inFront: Bool, _ what: String) {
        let want = expected(cue, voice: voice, inFront: inFront)
        XCTAssertEqual(d?.speech, want.0, what)
        XCTAssertEqual(d?.haptic, want.1, what)
        XCTAssertEqual(d?.notification?.body, want.2, what)
    }

    func testEveryRunEventKindInTheCatalogueIsMappedAndDeliveredAsItsCueSays() throws {
        let catalogue = try Golden.load("cues").array.filter { $0["source"].string == "run" }
        let events = sampleRunEvents()
        XCTAssertEqual(events.count, catalogue.count, "the library and the file list the same examples")
        for (event, entry) in zip(events, catalogue) {
            let kind = try XCTUnwrap(entry["kind"].string)
            XCTAssertEqual(CuePolicy.name(of: event.kind), kind, "the policy's switch names the kind as the core does")
            XCTAssertEqual(event.name, kind)
            Golden.assertMatches(event.cue, entry["cue"], "the cue of \(kind)")
            for voice in [false, true] {
                for inFront in [false, true] {
                    let d = CuePolicy.delivery(for: event, preferences: CuePreferences(voiceCues: voice, metronome: true),
                                               appInFront: inFront)
                    check(d, entry["cue"], voice: voice, inFront: inFront, kind)
                }
            }
        }
        let kinds = Set(catalogue.compactMap { $0["kind"].string })
        XCTAssertEqual(kinds.count, 22, "every RunEventKind of the core")
        XCTAssertEqual(kinds, Set(CuePolicyTests.everyKind.map(CuePolicy.name(of:))),
                       "the policy's own list of kinds is the core's")
    }

    func testEverySensorCallInTheCatalogueIsMappedAndDeliveredAsItsCueSays() throws {
        let catalogue = try Golden.load("cues").array.filter { $0["source"].string == "sensor" }
        let samples = sampleSensorCues()
        XCTAssertEqual(samples.count, catalogue.count)
        for (sample, entry) in zip(samples, catalogue) {
            let call: SensorCall
            switch sample.call {
            case let .state(state): call = .state(state)
            case let .battery(percent): call = .battery(percent)
            case let .details(details): call = .details(details)
            case let .warning(warning): call = .warning(warning)
            }
            let kind = try XCTUnwrap(entry["kind"].string)
            XCTAssertEqual(CuePolicy.name(of: call), kind)
            // The policy asks the core for the cue itself; it must be the catalogue's.
            Golden.assertMatches(try XCTUnwrap(CuePolicy.cue(for: call)), entry["cue"], "the cue of \(kind)")
            Golden.assertMatches(sample.cue, entry["cue"], "the library's sample of \(kind)")
            for voice in [false, true] {
                for inFront in [false, true] {
                    let d = CuePolicy.delivery(for: call, preferences: CuePreferences(voiceCues: voice, metronome: true),
                                               appInFront: inFront)
                    check(d, entry["cue"], voice: voice, inFront: inFront, kind)
                }
            }
        }
        let states = Set(catalogue.compactMap { $0["kind"].string }.filter { $0.hasPrefix("state_") })
        XCTAssertEqual(states.count, 7, "every connection state")
        let warnings = Set(catalogue.compactMap { $0["kind"].string }.filter { $0.hasPrefix("warning_") })
        XCTAssertEqual(warnings.count, 4, "every warning")
    }
}
