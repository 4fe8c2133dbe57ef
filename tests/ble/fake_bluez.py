#!/usr/bin/python3
"""Patella's fake BlueZ: an org.bluez service on a private D-Bus that plays
one adapter and one or more Running Speed and Cadence foot pods, with knobs
for the faults a run meets (connect errors, link loss, silence, Bluetooth
switched off, a pod out of range, malformed packets, a draining battery).

btleplug's Linux backend reaches it through libdbus when
DBUS_SYSTEM_BUS_ADDRESS points at the private bus. The Rust end-to-end tests
(core/tests/ble_e2e.rs) start one bus and one fake per scenario.

Object tree (GATT objects appear on Connect, as BlueZ does for an uncached
device, and vanish when the link drops):
  /org/bluez/hci0                          Adapter1
  /org/bluez/hci0/dev_XX_..                Device1 (exported once discovery runs)
    service0010  0x1814 RSC:  char0011 0x2A53 measurement (notify) + desc0012 CCCD,
                              char0013 0x2A54 feature, char0014 0x2A5D location,
                              char0015 0x2A55 control point (write, indicate)
    service0020  0x180F battery: char0021 0x2A19 level (read, notify)
    service0030  0x180A device information: char0031 0x2A29, char0032 0x2A24, char0033 0x2A26

stderr carries one line per D-Bus call and per event ("CALL ...",
"NOTIFY ...", "EVENT ..."), and "READY" once org.bluez is owned.
"""
import argparse
import asyncio
import os
import struct
import sys
import time

from dbus_fast import DBusError, Variant
from dbus_fast.aio import MessageBus
from dbus_fast.service import PropertyAccess, ServiceInterface, dbus_property, method

SIG_BASE = "-0000-1000-8000-00805f9b34fb"
ADAPTER = "/org/bluez/hci0"
OPTS = None


def sig(short):
    return f"0000{short:04x}{SIG_BASE}"


def say(*parts):
    print(*parts, file=sys.stderr, flush=True)


def bluez_error(name, text):
    return DBusError(f"org.bluez.Error.{name}", text)


# ---------------------------------------------------------------- packets

def measurement(profile, seq):
    """One RSC Measurement. `seq` rides in total distance (1/10 m units) so a
    test can tell whether any packet was lost or repeated across reconnects.
    strides: a Stryd-like pod, one foot per minute, ~2.4 m per stride.
    steps:   a TICKR-like pod, both feet per minute, ~1.2 m per stride."""
    if profile == "strides":
        cadence, stride_cm, divisor = 84 + seq % 7, 240, 60
    else:
        cadence, stride_cm, divisor = 168 + seq % 7, 120, 120
    if OPTS.seq_in_stride:
        # Stride length reaches the run's sample where total distance does
        # not, so a test can read each packet's number from the sample.
        stride_cm = 100 + seq
    speed = round(stride_cm / 100 * cadence / divisor * 256)
    flags = 0x07  # stride length + total distance present, running
    return bytes([flags]) + struct.pack("<HBHI", speed, cadence, stride_cm, seq)


# ---------------------------------------------------------------- adapter

class Adapter(ServiceInterface):
    def __init__(self, world):
        super().__init__("org.bluez.Adapter1")
        self.world = world
        self.powered = True
        self.discovering = False

    @method()
    def StartDiscovery(self):
        say("CALL Adapter1.StartDiscovery")
        if not self.powered:
            raise bluez_error("NotReady", "Resource Not Ready")
        self.discovering = True
        self.emit_properties_changed({"Discovering": True})
        self.world.discovery_started()

    @method()
    def StopDiscovery(self):
        say("CALL Adapter1.StopDiscovery")
        if not self.discovering:
            raise bluez_error("Failed", "No discovery started")
        self.discovering = False
        self.emit_properties_changed({"Discovering": False})

    @method()
    def SetDiscoveryFilter(self, properties: "a{sv}"):
        say("CALL Adapter1.SetDiscoveryFilter", sorted(properties))

    @method()
    def GetDiscoveryFilters(self) -> "as":
        return ["UUIDs", "RSSI", "Transport", "DuplicateData"]

    @method()
    def RemoveDevice(self, device: "o"):
        say("CALL Adapter1.RemoveDevice", device)

    def set_powered(self, on):
        if on == self.powered:
            return
        self.powered = on
        say("EVENT powered", on)
        if not on:
            self.discovering = False
            for dev in self.world.devices:
                self.world.spawn(dev.drop_link("adapter off"))
        self.emit_properties_changed({"Powered": on, "Discovering": self.discovering})

    @dbus_property()
    def Powered(self) -> "b":
        return self.powered

    @Powered.setter
    def Powered(self, value: "b"):
        say("CALL Adapter1.Powered=", value)
        self.set_powered(value)

    # bluez-async drops an adapter that lacks any of these.
    @dbus_property(access=PropertyAccess.READ)
    def Address(self) -> "s":
        return "00:50:A7:E1:1A:00"

    @dbus_property(access=PropertyAccess.READ)
    def AddressType(self) -> "s":
        return "public"

    @dbus_property(access=PropertyAccess.READ)
    def Name(self) -> "s":
        return "patella-fake"

    @dbus_property(access=PropertyAccess.READ)
    def Alias(self) -> "s":
        return "patella-fake"

    @dbus_property(access=PropertyAccess.READ)
    def Discovering(self) -> "b":
        return self.discovering

    @dbus_property(access=PropertyAccess.READ)
    def Discoverable(self) -> "b":
        return False

    @dbus_property(access=PropertyAccess.READ)
    def Pairable(self) -> "b":
        return False

    @dbus_property(access=PropertyAccess.READ)
    def UUIDs(self) -> "as":
        return []

    @dbus_property(access=PropertyAccess.READ)
    def Modalias(self) -> "s":
        return "usb:v1D6Bp0246d0542"


# ---------------------------------------------------------------- device

class Pod(ServiceInterface):
    """One foot pod: its advertisement, its link and its GATT table."""

    def __init__(self, world, index, profile):
        super().__init__("org.bluez.Device1")
        self.world = world
        self.index = index
        self.profile = profile
        self.address = f"C0:FF:EE:18:14:{index:02X}"
        self.path = f"{ADAPTER}/dev_{self.address.replace(':', '_')}"
        self.label = f"Patella Pod {chr(ord('A') + index)}"
        self.rssi = -55 - 15 * index
        self.exported = False
        self.connected = False
        self.resolved = False
        self.gatt = []
        self.seq = 0
        self.subscriptions = 0
        self.drops = 0
        self.connect_calls = 0
        self.battery = OPTS.battery
        self.battery_char = None
        self.pump_task = None

    # -- link
    @method()
    async def Connect(self):
        self.connect_calls += 1
        say("CALL", self.path, "Device1.Connect", self.connect_calls)
        if not self.world.adapter.powered:
            raise bluez_error("NotReady", "Resource Not Ready")
        if not self.exported:
            raise DBusError("org.freedesktop.DBus.Error.UnknownObject", "device is gone")
        if self.connect_calls <= OPTS.connect_errors:
            raise bluez_error("Failed", "le-connection-abort-by-local")
        await asyncio.sleep(OPTS.connect_delay)
        if self.connected:
            return
        self.connected = True
        self.emit_properties_changed({"Connected": True})
        self.export_gatt()
        await asyncio.sleep(0.02)
        self.resolved = True
        self.emit_properties_changed({"ServicesResolved": True})

    @method()
    async def Disconnect(self):
        say("CALL", self.path, "Device1.Disconnect")
        await self.drop_link("host disconnect")

    async def drop_link(self, why):
        if not self.connected:
            return
        say("EVENT link-down", self.path, why)
        if self.pump_task:
            self.pump_task.cancel()
            self.pump_task = None
        self.battery_char = None
        self.resolved = False
        self.emit_properties_changed({"ServicesResolved": False})
        for path, iface in reversed(self.gatt):
            self.world.bus.unexport(path, iface)
        self.gatt.clear()
        self.connected = False
        self.emit_properties_changed({"Connected": False})

    @method()
    def Pair(self):
        raise bluez_error("NotSupported", "Not Supported")

    @method()
    def CancelPairing(self):
        pass

    def export_gatt(self):
        rsc = self.path + "/service0010"
        meas = rsc + "/char0011"
        bat = self.path + "/service0020"
        dis = self.path + "/service0030"
        battery = Characteristic(self, bat + "/char0021", 0x2A19, bat, ["read", "notify"], bytes([self.battery]))
        self.battery_char = battery
        table = [
            (rsc, Service(0x1814, self.path)),
            (meas, Characteristic(self, meas, 0x2A53, rsc, ["notify"], b"", pump=True)),
            (meas + "/desc0012", Descriptor(0x2902, meas)),
            (rsc + "/char0013", Characteristic(self, rsc + "/char0013", 0x2A54, rsc, ["read"], b"\x07\x00")),
            (rsc + "/char0014", Characteristic(self, rsc + "/char0014", 0x2A5D, rsc, ["read"], b"\x02")),
            (rsc + "/char0015", Characteristic(self, rsc + "/char0015", 0x2A55, rsc, ["write", "indicate"], b"")),
            (bat, Service(0x180F, self.path)),
            (bat + "/char0021", battery),
            (dis, Service(0x180A, self.path)),
            (dis + "/char0031", Characteristic(self, dis + "/char0031", 0x2A29, dis, ["read"], b"Patella Test Labs")),
            (dis + "/char0032", Characteristic(self, dis + "/char0032", 0x2A24, dis, ["read"], b"FP-" + str(self.index + 1).encode())),
            (dis + "/char0033", Characteristic(self, dis + "/char0033", 0x2A26, dis, ["read"], b"1.4.2\x00")),
        ]
        for path, iface in table:
            self.world.bus.export(path, iface)
            self.gatt.append((path, iface))

    # -- the measurement stream and its scripted faults
    def start_pump(self, char):
        self.subscriptions += 1
        self.pump_task = self.world.spawn(self.pump(char, self.subscriptions))

    async def pump(self, char, subscription):
        await asyncio.sleep(OPTS.interval)
        sent = 0
        while OPTS.packets == 0 or sent < OPTS.packets:
            if subscription == 1 and OPTS.silent_after and sent == OPTS.silent_after:
                say("EVENT silent", self.path)
                return  # stays connected, says nothing more
            pkt = measurement(self.profile, self.seq)
            if OPTS.malformed_every and (self.seq + 1) % OPTS.malformed_every == 0:
                pkt = pkt[:5]  # flags promise a stride length that is cut short
            self.seq += 1
            sent += 1
            sent_ns = time.monotonic_ns()
            char.notify(pkt)
            if OPTS.stamp:
                # CLOCK_MONOTONIC, the clock Rust's Instant reads on Linux.
                say("SENT", self.seq - 1, sent_ns)
            self.drain_battery()
            await asyncio.sleep(OPTS.interval)
            if await self.scripted_fault(sent):
                return

    async def scripted_fault(self, sent):
        if OPTS.drop_every and sent == OPTS.drop_every and self.drops < OPTS.drops:
            self.drops += 1
            await self.drop_link(f"link loss {self.drops}")
            return True
        if OPTS.power_off_after and self.seq == OPTS.power_off_after:
            self.world.power_cycle()
            return True
        if OPTS.vanish_after and self.seq == OPTS.vanish_after:
            # Its own task: dropping the link cancels this pump.
            self.world.spawn(self.vanish())
            return True
        return False

    def drain_battery(self):
        if OPTS.battery_drain_every and self.seq % OPTS.battery_drain_every == 0 and self.battery > 0:
            self.battery -= 1
            if self.battery_char is not None:
                self.battery_char.notify(bytes([self.battery]))

    async def vanish(self):
        say("EVENT vanish", self.path)
        await self.drop_link("out of range")
        self.world.bus.unexport(self.path, self)
        self.exported = False
        await asyncio.sleep(OPTS.gone_for)
        while not self.world.adapter.discovering:
            await asyncio.sleep(0.02)
        self.appear()

    def appear(self):
        if not self.exported:
            self.world.bus.export(self.path, self)
            self.exported = True
            say("EVENT appear", self.path)

    # -- properties (bluez-async checks the exact D-Bus types)
    @dbus_property(access=PropertyAccess.READ)
    def Address(self) -> "s":
        return self.address

    @dbus_property(access=PropertyAccess.READ)
    def AddressType(self) -> "s":
        return "random"

    @dbus_property(access=PropertyAccess.READ)
    def Name(self) -> "s":
        return self.label

    @dbus_property(access=PropertyAccess.READ)
    def Alias(self) -> "s":
        return self.label

    @dbus_property(access=PropertyAccess.READ)
    def UUIDs(self) -> "as":
        return [sig(0x1814), sig(0x180F)]

    @dbus_property(access=PropertyAccess.READ)
    def Paired(self) -> "b":
        return False

    @dbus_property(access=PropertyAccess.READ)
    def Connected(self) -> "b":
        return self.connected

    @dbus_property(access=PropertyAccess.READ)
    def ServicesResolved(self) -> "b":
        return self.resolved

    @dbus_property(access=PropertyAccess.READ)
    def Trusted(self) -> "b":
        return False

    @dbus_property(access=PropertyAccess.READ)
    def Blocked(self) -> "b":
        return False

    @dbus_property(access=PropertyAccess.READ)
    def LegacyPairing(self) -> "b":
        return False

    @dbus_property(access=PropertyAccess.READ)
    def RSSI(self) -> "n":
        return self.rssi

    @dbus_property(access=PropertyAccess.READ)
    def Adapter(self) -> "o":
        return ADAPTER

    @dbus_property(access=PropertyAccess.READ)
    def ServiceData(self) -> "a{sv}":
        return {sig(0x1814): Variant("ay", b"\x07\x00")}


# ---------------------------------------------------------------- GATT

class Service(ServiceInterface):
    def __init__(self, short, device_path):
        super().__init__("org.bluez.GattService1")
        self.uuid, self.device_path = sig(short), device_path

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> "s":
        return self.uuid

    @dbus_property(access=PropertyAccess.READ)
    def Device(self) -> "o":
        return self.device_path

    @dbus_property(access=PropertyAccess.READ)
    def Primary(self) -> "b":
        return True

    @dbus_property(access=PropertyAccess.READ)
    def Includes(self) -> "ao":
        return []


class Characteristic(ServiceInterface):
    def __init__(self, pod, path, short, service_path, flags, value, pump=False):
        super().__init__("org.bluez.GattCharacteristic1")
        self.pod, self.path, self.uuid = pod, path, sig(short)
        self.service_path, self.flags, self.value = service_path, flags, value
        self.pump, self.notifying = pump, False

    def notify(self, value):
        self.value = value
        if self.notifying:
            say("NOTIFY", self.path, value.hex())
            self.emit_properties_changed({"Value": value})

    @method()
    def ReadValue(self, options: "a{sv}") -> "ay":
        say("CALL", self.path, "ReadValue")
        if "read" not in self.flags:
            raise bluez_error("NotPermitted", "Read not permitted")
        return self.value

    @method()
    def WriteValue(self, value: "ay", options: "a{sv}"):
        say("CALL", self.path, "WriteValue", bytes(value).hex())
        if "write" not in self.flags:
            raise bluez_error("NotPermitted", "Write not permitted")

    @method()
    def StartNotify(self):
        say("CALL", self.path, "StartNotify")
        if "notify" not in self.flags and "indicate" not in self.flags:
            raise bluez_error("NotSupported", "Operation is not supported")
        if self.notifying:
            return
        self.notifying = True
        self.emit_properties_changed({"Notifying": True})
        if self.pump:
            self.pod.start_pump(self)

    @method()
    def StopNotify(self):
        say("CALL", self.path, "StopNotify")
        self.notifying = False
        if self.pump and self.pod.pump_task:
            self.pod.pump_task.cancel()
            self.pod.pump_task = None

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> "s":
        return self.uuid

    @dbus_property(access=PropertyAccess.READ)
    def Service(self) -> "o":
        return self.service_path

    @dbus_property(access=PropertyAccess.READ)
    def Value(self) -> "ay":
        return self.value

    @dbus_property(access=PropertyAccess.READ)
    def Notifying(self) -> "b":
        return self.notifying

    @dbus_property(access=PropertyAccess.READ)
    def Flags(self) -> "as":
        return self.flags


class Descriptor(ServiceInterface):
    def __init__(self, short, char_path):
        super().__init__("org.bluez.GattDescriptor1")
        self.uuid, self.char_path = sig(short), char_path

    @method()
    def ReadValue(self, options: "a{sv}") -> "ay":
        return b"\x00\x00"

    @method()
    def WriteValue(self, value: "ay", options: "a{sv}"):
        pass

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> "s":
        return self.uuid

    @dbus_property(access=PropertyAccess.READ)
    def Characteristic(self) -> "o":
        return self.char_path

    @dbus_property(access=PropertyAccess.READ)
    def Value(self) -> "ay":
        return b""

    @dbus_property(access=PropertyAccess.READ)
    def Flags(self) -> "as":
        return []


# ---------------------------------------------------------------- world

class World:
    def __init__(self, bus):
        self.bus = bus
        self.adapter = Adapter(self)
        profiles = OPTS.profiles.split(",")
        self.devices = [Pod(self, i, profiles[i % len(profiles)]) for i in range(OPTS.sensors)]
        self.tasks = set()

    def spawn(self, coro):
        # The loop keeps only weak references to tasks; hold them until done.
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def discovery_started(self):
        async def advertise():
            await asyncio.sleep(OPTS.discover_delay)
            for dev in self.devices:
                dev.appear()
        self.spawn(advertise())

    def power_cycle(self):
        async def cycle():
            self.adapter.set_powered(False)
            await asyncio.sleep(OPTS.off_for)
            self.adapter.set_powered(True)
        self.spawn(cycle())


async def main():
    global OPTS
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sensors", type=int, default=1, help="how many pods advertise")
    p.add_argument("--profiles", default="steps", help="comma list: strides|steps, one per pod")
    p.add_argument("--packets", type=int, default=0, help="packets per subscription (0: endless)")
    p.add_argument("--interval", type=float, default=0.03, help="seconds between packets")
    p.add_argument("--discover-delay", type=float, default=0.05)
    p.add_argument("--connect-delay", type=float, default=0.01)
    p.add_argument("--connect-errors", type=int, default=0, help="fail the first K Connect calls")
    p.add_argument("--malformed-every", type=int, default=0, help="truncate every K-th packet")
    p.add_argument("--drop-every", type=int, default=0, help="drop the link after K packets")
    p.add_argument("--drops", type=int, default=0, help="how many times to drop the link")
    p.add_argument("--silent-after", type=int, default=0, help="first subscription goes quiet after K packets")
    p.add_argument("--power-off-after", type=int, default=0, help="switch the adapter off after packet K")
    p.add_argument("--off-for", type=float, default=0.5)
    p.add_argument("--vanish-after", type=int, default=0, help="pod goes out of range after packet K")
    p.add_argument("--gone-for", type=float, default=0.5)
    p.add_argument("--battery", type=int, default=80)
    p.add_argument("--battery-drain-every", type=int, default=0)
    p.add_argument("--seq-in-stride", action="store_true", help="stride length = 100 cm + packet number")
    p.add_argument("--stamp", action="store_true", help="log SENT <packet> <monotonic ns> per packet")
    OPTS = p.parse_args()

    bus = await MessageBus(bus_address=os.environ["DBUS_SYSTEM_BUS_ADDRESS"]).connect()
    world = World(bus)
    bus.export(ADAPTER, world.adapter)
    await bus.request_name("org.bluez")
    say("READY", bus.unique_name)
    await bus.wait_for_disconnect()


if __name__ == "__main__":
    asyncio.run(main())
