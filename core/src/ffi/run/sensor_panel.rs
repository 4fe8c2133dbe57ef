//! The Run screen's sensor panel for a source the app reads itself: an app
//! that runs its own Bluetooth stack and pushes `RunSample`s, or the phone's
//! pedometer standing in for a foot pod, says here what the link and the
//! battery are. With `SensorClient.feedRun` the library does the same
//! inside Rust. The panel only: cadence cues still follow the readings and
//! their gaps, never the reported link.

use crate::sample::{SampleSink, SensorLink};

use super::{RunSession, RunSessionError};

#[uniffi::export]
impl RunSession {
    /// The link of `source_id` as the app sees it, shown on the Run
    /// screen's sensor panel. Raises no event and changes no cue.
    pub fn report_sensor_link(
        &self,
        source_id: String,
        link: SensorLink,
        now_ms: u64,
    ) -> Result<(), RunSessionError> {
        named_source(&source_id)?;
        self.on_link(&source_id, link, now_ms);
        Ok(())
    }

    /// The battery of `source_id`, 0-100 %, shown on the sensor panel
    /// (with the low-battery mark the core decides).
    pub fn report_sensor_battery(
        &self,
        source_id: String,
        percent: u8,
        now_ms: u64,
    ) -> Result<(), RunSessionError> {
        named_source(&source_id)?;
        if percent > 100 {
            return Err(RunSessionError::InvalidInput {
                detail: format!("percent: {percent} is above 100"),
            });
        }
        self.on_battery(&source_id, percent, now_ms);
        Ok(())
    }
}

fn named_source(source_id: &str) -> Result<(), RunSessionError> {
    if source_id.trim().is_empty() {
        return Err(RunSessionError::InvalidInput {
            detail: "source_id: must not be empty".to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use std::sync::Arc;

    use super::*;
    use crate::ffi::run::{
        DeliveredRunEvent, RunObserver, RunPlan, RunSegment, RunSegmentKind, RunSensorLink,
    };

    struct Quiet;
    impl RunObserver for Quiet {
        fn on_event(&self, _event: DeliveredRunEvent) {}
    }

    fn session() -> Arc<RunSession> {
        let plan = RunPlan {
            segments: vec![RunSegment {
                kind: RunSegmentKind::Run,
                duration_s: 600,
            }],
            cadence_target_spm: Some(170.0),
        };
        RunSession::new(plan, None, Arc::new(Quiet)).unwrap()
    }

    #[test]
    fn a_reported_link_and_battery_reach_the_sensor_panel_only() {
        let s = session();
        s.start(0).unwrap();
        s.report_sensor_link("pod".into(), RunSensorLink::Connected, 0)
            .unwrap();
        s.report_sensor_battery("pod".into(), 9, 0).unwrap();
        let panel = s.snapshot(0).unwrap().sensor;
        assert_eq!(panel.link, Some(RunSensorLink::Connected));
        assert_eq!(panel.source_id.as_deref(), Some("pod"));
        assert_eq!(panel.battery_percent, Some(9));
        assert!(panel.battery_low);
        s.report_sensor_link("pod".into(), RunSensorLink::Silent, 5_000)
            .unwrap();
        assert_eq!(
            s.snapshot(5_000).unwrap().sensor.link,
            Some(RunSensorLink::Silent)
        );
        assert!(s.flush_events(10_000));
        assert_eq!(
            s.delivery_report().delivered,
            2,
            "only the start's two events: a reported link raises none"
        );
    }

    #[test]
    fn a_nameless_source_or_a_battery_above_100_is_refused_by_name() {
        let s = session();
        let err = s
            .report_sensor_link(" ".into(), RunSensorLink::Connected, 0)
            .unwrap_err();
        assert!(err.to_string().contains("source_id"), "{err}");
        let err = s.report_sensor_battery("pod".into(), 101, 0).unwrap_err();
        assert!(err.to_string().contains("percent"), "{err}");
    }
}
