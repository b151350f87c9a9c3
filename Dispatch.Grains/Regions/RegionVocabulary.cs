using System.Collections.Frozen;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Grains.Regions;

/// <summary>The words of the region file format, both ways.</summary>
public static class RegionVocabulary
{
    public static readonly FrozenDictionary<string, HospitalLevel> Levels = new Dictionary<string, HospitalLevel>
    {
        ["province"] = HospitalLevel.Province,
        ["city"] = HospitalLevel.City,
        ["county"] = HospitalLevel.County,
        ["township"] = HospitalLevel.Township,
        ["village"] = HospitalLevel.Village,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, Capabilities> Capabilities = new Dictionary<string, Capabilities>
    {
        ["pci"] = Contracts.Hospitals.Capabilities.Pci,
        ["thrombolysis"] = Contracts.Hospitals.Capabilities.Thrombolysis,
        ["ct"] = Contracts.Hospitals.Capabilities.Ct,
        ["thrombectomy"] = Contracts.Hospitals.Capabilities.Thrombectomy,
        ["stroke-unit"] = Contracts.Hospitals.Capabilities.StrokeUnit,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Name(HospitalLevel level) => Levels.Single(p => p.Value == level).Key;

    public static IEnumerable<string> Names(Capabilities capabilities) =>
        Capabilities.Where(p => (capabilities & p.Value) == p.Value).OrderBy(p => p.Value).Select(p => p.Key);
}
