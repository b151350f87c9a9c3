namespace Dispatch.Grains.Regions.Generation;

/// <summary>The shape of a generated region. <see cref="Sample"/> is the bundled city; <see cref="Large"/> is for scale tests.</summary>
public sealed record RegionGeneratorOptions(
    int Seed,
    int Counties,
    int TownshipsPerCounty,
    int VillagesPerTownship,
    int UrbanGridSize,
    double UrbanSpacingKm,
    double RuralVertexSpacingKm)
{
    public const int DefaultSeed = 42;

    /// <summary>≈ 70 facilities, 10 stations, 33 ambulances, a few thousand road nodes.</summary>
    public static RegionGeneratorOptions Sample(int seed = DefaultSeed) => new(seed, 6, 3, 2, 13, 1.0, 0.5);

    /// <summary>≥ 200 hospitals and ≥ 100,000 road nodes.</summary>
    public static RegionGeneratorOptions Large(int seed = DefaultSeed) => new(seed, 24, 8, 1, 241, 0.1, 0.1);
}
