// The app's entry point: opens the session on a protected data folder,
// wires the phone's ports, the 1 Hz ticker, the pedometer fallback and
// the Live Activity, and follows the scene in and out of the foreground.
import Foundation
import PatellaAppModel
import PatellaPlatform
import PatellaUI
import SwiftUI

@main
struct PatellaApp: App {
    @Environment(\.scenePhase) private var scenePhase
    @State private var shell = AppShell()

    var body: some Scene {
        WindowGroup {
            PatellaRootView(session: shell.session)
                .onChange(of: scenePhase) { _, phase in shell.session.appInFront = phase == .active }
                .onChange(of: shell.session.run.isActive) { _, live in shell.runChanged(live: live) }
                .onChange(of: shell.session.run.state) { _, state in shell.liveActivity.show(state) }
        }
    }
}

/// Owns what the session needs on a phone.
@MainActor
final class AppShell {
    let session: AppSession
    let liveActivity = RunLiveActivity()
    private let notifier = LocalNotifier()
    private let ticker: RunTicker
    private let pedometer: PedometerCadence

    init() {
        let folder = Self.dataFolder()
        session = AppSession(dataDirectory: folder.path, ports: PhonePorts.make(notifier: notifier),
                             cadenceSource: .libraryBluetooth)
        ticker = RunTicker(session: session)
        pedometer = PedometerCadence(session: session)
        do {
            try session.open()
            // The record must stay writable with the phone locked mid-run:
            // protected until the first unlock after a restart, not beyond.
            try FileManager.default.setAttributes(
                [.protectionKey: FileProtectionType.completeUntilFirstUserAuthentication], ofItemAtPath: folder.path)
        } catch {
            session.today.showOpenFailure(error)
        }
        notifier.requestPermission()
    }

    func runChanged(live: Bool) {
        if live {
            ticker.start()
            // No paired foot pod: the phone's own cadence stands in.
            if !session.hasPairedSensor { pedometer.start() }
        } else {
            ticker.stop()
            pedometer.stop()
            liveActivity.end()
        }
    }

    static func dataFolder() -> URL {
        let support = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        return support.appendingPathComponent("Patella", isDirectory: true)
    }
}
