using Dispatch.Contracts.Errors;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using DomainGeoPoint = Dispatch.Contracts.Geo.GeoPoint;
using WireGeoPoint = Dispatch.Contracts.V1.GeoPoint;

namespace Dispatch.Api.Mapping;

/// <summary>Conversions shared by every service; each refuses what it cannot map with a clear message.</summary>
public static class CommonMapping
{
    public static DomainGeoPoint ToDomain(this WireGeoPoint? point, string field)
    {
        if (point is null)
        {
            throw Invalid($"{field} is required");
        }

        var domain = new DomainGeoPoint(point.Latitude, point.Longitude);
        return domain.IsValid
            ? domain
            : throw Invalid(FormattableString.Invariant(
                $"{field} must have a latitude within ±90 and a longitude within ±180, got {point.Latitude},{point.Longitude}"));
    }

    /// <summary>A position that must also lie in (or near) the region being served.</summary>
    public static DomainGeoPoint ToDomain(this WireGeoPoint? point, string field, Grains.Regions.RegionCatalog catalog) =>
        catalog.EnsureNear(point.ToDomain(field), field);

    public static WireGeoPoint ToWire(this DomainGeoPoint point) =>
        new() { Latitude = point.Latitude, Longitude = point.Longitude };

    public static DateTimeOffset? ToDomain(this Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (timestamp.Nanos is < 0 or > 999_999_999)
        {
            throw Invalid($"{field} has nanos out of range");
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw Invalid($"{field} is outside the range of a valid timestamp");
        }
    }

    public static Timestamp? ToWire(this DateTimeOffset? value) =>
        value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static Timestamp ToWire(this DateTimeOffset value) => Timestamp.FromDateTimeOffset(value);

    /// <summary>Protobuf enums carry an UNSPECIFIED zero; the domain enums are shifted down by one.</summary>
    public static TDomain ToDomainEnum<TWire, TDomain>(this TWire value, string field)
        where TWire : struct, Enum
        where TDomain : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        var domain = (TDomain)Enum.ToObject(typeof(TDomain), number - 1);
        return number > 0 && Enum.IsDefined(domain)
            ? domain
            : throw Invalid($"{field} must be set to a known value, got {number}");
    }

    public static TWire ToWireEnum<TDomain, TWire>(this TDomain value)
        where TDomain : struct, Enum
        where TWire : struct, Enum =>
        (TWire)Enum.ToObject(typeof(TWire), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) + 1);

    public static string Required(this string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid($"{field} is required") : value;

    public static string? Optional(this string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static RuleException Invalid(string message) => new(RuleViolation.InvalidArgument, message);
}
