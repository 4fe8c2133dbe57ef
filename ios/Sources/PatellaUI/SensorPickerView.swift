// Sensor picker: the foot pods found, strongest first, and the scan's state.
import PatellaAppModel
import SwiftUI

struct SensorPickerScreenView: View {
    let model: SensorPickerModel

    var body: some View {
        List {
            Section {
                HStack {
                    Text(model.state.message)
                    if model.state.scanning { Spacer(); SwiftUI.ProgressView() }
                }
                Button("Scan", systemImage: "dot.radiowaves.left.and.right") { model.scan() }
                    .disabled(!model.state.scanEnabled)
                if let error = model.state.errorMessage { Text(error).foregroundStyle(.red) }
            }
            ForEach(model.state.sensors) { sensor in
                Button { model.choose(sensor) } label: {
                    HStack {
                        Text(sensor.label)
                        Spacer()
                        Image(systemName: "cellularbars", variableValue: sensor.signalFill)
                            .accessibilityLabel(sensor.signalLabel)
                    }
                }
            }
        }
        .navigationTitle("Foot pod")
    }
}
