//! A simulated foot pod: a runner who follows the session (running in run
//! segments at the day's target, walking otherwise), sending real RSC
//! Measurement bytes once a second through the core's pushed-sensor path,
//! so the parser, the feed, the supervisor and the run engine are the ones
//! a phone uses. The demo adds its scripted moments ([`super::script`]).

use std::sync::Arc;

use patella_core::run::{RunScreen, SegmentKind};
use patella_core::sample::{MonoMs, SampleSink};
use patella_core::sensor::clock::MonoClock;
use patella_core::sensor::push::PushedSensor;
use patella_core::sensor::rsc::{PodReading, encode_measurement};
use patella_core::sensor::supervisor::SupervisorConfig;

use super::script::{Beat, Script};
use crate::commands::live::drive::{Source, Turn};
use crate::output::CliError;

/// The simulated pod's id, as the Run screen's sensor panel shows it.
pub const POD_ID: &str = "simulated foot pod";

/// Cadence of an easy run when the day has no target, steps/min.
const EASY_RUN_SPM: f64 = 166.0;
/// A brisk walk, steps/min, and the speeds of walking and running, m/s.
const WALK_SPM: f64 = 114.0;
const WALK_MPS: f64 = 1.45;
const RUN_MPS: f64 = 2.55;
/// The pod's battery, as a Battery Level characteristic says it.
const BATTERY_PERCENT: u8 = 84;

/// The pod and the runner wearing it.
pub struct SimulatedPod {
    sensor: PushedSensor,
    next_reading_ms: Option<MonoMs>,
    distance_m: f64,
    linked: bool,
    script: Option<Script>,
}

impl SimulatedPod {
    /// A pod feeding `sink`, stamped by `clock`; `script` adds the demo's
    /// moments (none for `patella run --pushed-demo`).
    pub fn new(
        clock: Arc<dyn MonoClock>,
        sink: Arc<dyn SampleSink>,
        script: Option<Script>,
    ) -> Result<Self, CliError> {
        let sensor = PushedSensor::new(POD_ID, SupervisorConfig::default(), clock);
        sensor.set_sink(Some(sink)).map_err(push_error)?;
        Ok(Self {
            sensor,
            next_reading_ms: None,
            distance_m: 0.0,
            linked: false,
            script,
        })
    }

    fn link_up(&mut self) -> Result<(), CliError> {
        self.sensor.link_up().map_err(push_error)?;
        self.sensor
            .push_battery(&[BATTERY_PERCENT])
            .map_err(push_error)?;
        self.linked = true;
        Ok(())
    }

    /// The reading the runner's feet give now.
    fn reading(&self, screen: &RunScreen, drift_below_by: Option<f64>, second: u64) -> PodReading {
        // A small, repeating wobble: no two seconds read quite the same.
        let wobble = [0.0, 1.0, -1.0, 2.0, 0.0, -2.0, 1.0][(second % 7) as usize];
        let running = screen
            .current
            .as_ref()
            .is_some_and(|c| c.kind == SegmentKind::Run);
        if !running {
            return PodReading {
                speed_mps: WALK_MPS,
                cadence: to_raw(WALK_SPM + wobble),
                stride_length_m: None,
                total_distance_m: Some(self.distance_m),
                running: false,
            };
        }
        let target = screen.cadence.target_spm.unwrap_or(EASY_RUN_SPM);
        let cadence = match drift_below_by {
            Some(below_by) => screen.cadence.band_low_spm.unwrap_or(target) - below_by + wobble,
            None => target + 1.0 + wobble,
        };
        PodReading {
            speed_mps: RUN_MPS,
            cadence: to_raw(cadence),
            stride_length_m: None,
            total_distance_m: Some(self.distance_m),
            running: true,
        }
    }
}

fn to_raw(spm: f64) -> u8 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let raw = spm.round().clamp(0.0, 255.0) as u8;
    raw
}

fn push_error(err: patella_core::sensor::push::PushError) -> CliError {
    CliError::Device(format!("the simulated foot pod: {err}"))
}

impl Source for SimulatedPod {
    fn turn(&mut self, now_ms: MonoMs, screen: &RunScreen) -> Result<Turn, CliError> {
        let beat = match self.script.as_mut() {
            Some(script) => script.beat(now_ms, screen),
            None => Beat::default(),
        };
        if beat.dropped_out && self.linked {
            self.sensor.link_down().map_err(push_error)?;
            self.linked = false;
        } else if !beat.dropped_out && !self.linked {
            self.link_up()?;
        }
        let next = *self.next_reading_ms.get_or_insert(now_ms);
        if now_ms >= next {
            let reading = self.reading(screen, beat.drift_below_by, now_ms / 1_000);
            // The runner covers the ground whether or not the pod is heard.
            self.distance_m += reading.speed_mps;
            if self.linked {
                self.sensor
                    .push_measurement(&encode_measurement(&reading))
                    .map_err(push_error)?;
            }
            self.next_reading_ms = Some(next + 1_000);
        }
        self.sensor.tick().map_err(push_error)?;
        Ok(Turn {
            note: beat.note,
            check_in: beat.answer,
        })
    }

    fn stop(&mut self) {
        let _ = self.sensor.stop();
    }
}
