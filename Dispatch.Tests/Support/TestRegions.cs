using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;
using Dispatch.Grains.Regions;

namespace Dispatch.Tests.Support;

/// <summary>Small hand-made regions whose every number a test can reason about.</summary>
internal static class TestRegions
{
    /// <summary>A PCI centre, a county hospital and a township clinic on one east-west road.</summary>
    public static Region Small() => new(
        "Small test region",
        [
            new HospitalProfile("pci-1", "City PCI Centre", HospitalLevel.City,
                Capabilities.Pci | Capabilities.Ct | Capabilities.Thrombolysis | Capabilities.Thrombectomy | Capabilities.StrokeUnit,
                2, new GeoPoint(38.00, 114.50), 55, 40),
            new HospitalProfile("cty-1", "County Hospital", HospitalLevel.County,
                Capabilities.Ct | Capabilities.Thrombolysis, 0, new GeoPoint(38.00, 114.80), null, 35),
            new HospitalProfile("twp-1", "Township Health Centre", HospitalLevel.Township,
                Capabilities.None, 0, new GeoPoint(38.00, 115.00), null, null),
        ],
        [
            new AmbulanceStation("st-1", "Central Station", new GeoPoint(38.00, 114.55), ["amb-1", "amb-2", "amb-4", "amb-5"]),
            new AmbulanceStation("st-2", "East Station", new GeoPoint(38.00, 114.95), ["amb-3"]),
        ],
        [
            new RoadSegment([new(38.00, 114.50), new(38.00, 114.80), new(38.00, 115.00)], 60, false, "East road"),
        ]);
}
