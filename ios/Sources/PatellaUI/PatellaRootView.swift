// The app's root: four tabs, replaced by the Run screen while a run is
// live; the Check-in sheet opens when the session asks for one.
import PatellaAppModel
import SwiftUI

public struct PatellaRootView: View {
    let session: AppSession

    public init(session: AppSession) {
        self.session = session
    }

    public var body: some View {
        Group {
            if session.run.isActive {
                RunScreenView(model: session.run)
            } else {
                TabView {
                    TodayScreenView(model: session.today).tabItem { Label("Today", systemImage: "sun.max") }
                    PlanScreenView(model: session.plan).tabItem { Label("Plan", systemImage: "calendar") }
                    ProgressScreenView(model: session.progress)
                        .tabItem { Label("Progress", systemImage: "chart.xyaxis.line") }
                    SettingsScreenView(model: session.settings, picker: session.sensorPicker)
                        .tabItem { Label("Settings", systemImage: "gearshape") }
                }
            }
        }
        .sheet(isPresented: Binding(get: { session.checkInMoment != nil },
                                    set: { open in if !open { session.closeCheckIn() } })) {
            CheckInScreenView(model: session.checkIn)
        }
    }
}
