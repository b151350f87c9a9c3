using Dispatch.Grains.Regions;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using DomainGeoPoint = Dispatch.Contracts.Geo.GeoPoint;
using WireGeoPoint = Dispatch.Contracts.V1.GeoPoint;

namespace Dispatch.Api.Mapping;

/// <summary>
/// Checks on positions and times that need the region and the engine's clock: a fix far outside
/// the region, or a time in the future or long past, is a device or client fault, refused by name.
/// </summary>
public sealed class InputRules(RegionCatalog catalog, TimeProvider time)
{
    /// <summary>Clocks on ambulances and in hospitals drift; a minute ahead is tolerated.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(1);

    /// <summary>Operational times (fixes, milestones, ECG) are at most a day old: older ones are a stuck clock or a replay.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    /// <summary>Symptom onset and last known well may lie days back (a stroke found on waking, a late presenter).</summary>
    public static readonly TimeSpan MaxClinicalAge = TimeSpan.FromDays(14);

    public DateTimeOffset Now => time.GetUtcNow();

    public DomainGeoPoint Position(WireGeoPoint? point, string field) => point.ToDomain(field, catalog);

    public DateTimeOffset? Time(Timestamp? timestamp, string field) => Bounded(timestamp.ToDomain(field), field, MaxAge);

    public DateTimeOffset? ClinicalTime(Timestamp? timestamp, string field) => Bounded(timestamp.ToDomain(field), field, MaxClinicalAge);

    private DateTimeOffset? Bounded(DateTimeOffset? value, string field, TimeSpan maxAge)
    {
        if (value is not { } at)
        {
            return null;
        }

        var now = Now;
        if (at > now + MaxAhead)
        {
            throw CommonMapping.Invalid($"{field} {at:O} is {(at - now).TotalMinutes:F0} min ahead of the engine's clock ({now:O}); times in the future are refused");
        }

        if (at < now - maxAge)
        {
            throw CommonMapping.Invalid($"{field} {at:O} is more than {maxAge.TotalHours:F0} h in the past");
        }

        return at;
    }
}
