// Plan: the weeks ahead, one section each, the current one marked.
import PatellaAppModel
import SwiftUI

struct PlanScreenView: View {
    let model: PlanModel

    var body: some View {
        NavigationStack {
            List {
                if let error = model.state.errorMessage { Text(error) }
                ForEach(model.state.advisories, id: \.self) { Text($0).foregroundStyle(.red) }
                ForEach(model.state.weeks) { week in
                    Section {
                        Text(week.kindLabel).font(.caption).foregroundStyle(.secondary)
                        ForEach(week.lines) { line in
                            Text(line.text).padding(.leading, line.inset)
                        }
                    } header: {
                        Text(week.heading).fontWeight(week.isCurrent ? .bold : .regular)
                    }
                }
                Text(model.state.disclaimer).font(.caption).foregroundStyle(.secondary)
            }
            .navigationTitle("Plan")
        }
    }
}
