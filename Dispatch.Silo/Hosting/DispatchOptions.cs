namespace Dispatch.Silo.Hosting;

/// <summary>Configuration section "Dispatch": what the process serves and where.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>The region file; the bundled sample city when unset.</summary>
    public string? Region { get; set; }

    /// <summary>An OpenStreetMap XML extract whose drivable roads are added to the region's (which may then have none).</summary>
    public string? Roads { get; set; }

    /// <summary>
    /// Development: plain HTTP/2 allowed, on loopback only, and the public development token key
    /// accepted. Anything else needs TLS on every endpoint and a key of its own.
    /// </summary>
    public bool Development { get; set; } = true;

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    public static string SampleRegionPath =>
        Path.Combine(AppContext.BaseDirectory, "samples", "regions", "sample-city.geojson");
}
