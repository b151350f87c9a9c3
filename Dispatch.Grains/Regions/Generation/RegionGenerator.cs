using Dispatch.Contracts.Geo;
using Dispatch.Contracts.Hospitals;

namespace Dispatch.Grains.Regions.Generation;

/// <summary>
/// Generates a fictional prefecture-level city, deterministically from a seed: an urban grid
/// inside a ring road, expressways to county towns 35–90 km out, and slow rural roads fanning to
/// townships and villages, so that the outer villages lie beyond an hour from any PCI centre.
/// </summary>
public sealed class RegionGenerator
{
    public const string SampleName = "Qinghe Prefecture (fictional)";

    private static readonly GeoPoint Centre = new(38.0, 114.5);

    private readonly RegionGeneratorOptions _options;
    private readonly Random _random;
    private readonly GeoPlane _plane = new(Centre);
    private readonly List<HospitalProfile> _hospitals = [];
    private readonly List<AmbulanceStation> _stations = [];
    private readonly List<RoadSegment> _roads = [];
    private int _ambulances;

    private RegionGenerator(RegionGeneratorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public static Region Generate(RegionGeneratorOptions options) => new RegionGenerator(options).Build();

    private Region Build()
    {
        var half = (_options.UrbanGridSize - 1) / 2 * _options.UrbanSpacingKm;
        BuildCity(half);
        var ringKm = half + 2;
        for (var county = 0; county < _options.Counties; county++)
        {
            BuildCounty(county, ringKm);
        }

        return new Region(SampleName, _hospitals, _stations, _roads);
    }

    private void BuildCity(double half)
    {
        var n = _options.UrbanGridSize;
        var step = _options.UrbanSpacingKm;
        var ring = half + 2;
        for (var i = 0; i < n; i++)
        {
            var offset = -half + i * step;
            // Each grid line runs on to the ring road, so the grid and the ring connect.
            Road([(-ring, offset), .. Line(-half, half, step).Select(x => (x, offset)), (ring, offset)], 40, $"Urban road E{i + 1}");
            Road([(offset, -ring), .. Line(-half, half, step).Select(y => (offset, y)), (offset, ring)], 40, $"Urban road N{i + 1}");
        }

        // The ring road passes through every point where a grid line meets it.
        var side = Line(-half, half, step).ToList();
        Road([(-ring, -ring), .. side.Select(x => (x, -ring)), (ring, -ring)], 80, "Ring road south");
        Road([(ring, -ring), .. side.Select(y => (ring, y)), (ring, ring)], 80, "Ring road east");
        Road([(ring, ring), .. side.AsEnumerable().Reverse().Select(x => (x, ring)), (-ring, ring)], 80, "Ring road north");
        Road([(-ring, ring), .. side.AsEnumerable().Reverse().Select(y => (-ring, y)), (-ring, -ring)], 80, "Ring road west");

        var q = Snap(half / 2);
        Hospital("h-prov-1", "Qinghe Provincial People's Hospital", HospitalLevel.Province,
            Capabilities.Pci | Capabilities.Thrombectomy | Capabilities.Thrombolysis | Capabilities.Ct | Capabilities.StrokeUnit,
            3, (0, 0), 50, 35);
        Hospital("h-city-1", "Qinghe First City Hospital", HospitalLevel.City,
            Capabilities.Pci | Capabilities.Thrombectomy | Capabilities.Thrombolysis | Capabilities.Ct | Capabilities.StrokeUnit,
            2, (q, q), 60, 40);
        Hospital("h-city-2", "Qinghe Second City Hospital", HospitalLevel.City,
            Capabilities.Pci | Capabilities.Thrombolysis | Capabilities.Ct, 1, (-q, -q), 65, 45);
        Hospital("h-city-3", "Qinghe Chinese Medicine Hospital", HospitalLevel.City,
            Capabilities.Thrombolysis | Capabilities.Ct | Capabilities.StrokeUnit, 0, (q, -q), null, 50);
        Station("st-central", "Qinghe Emergency Centre", (0, Snap(half / 4)), 6);
        Station("st-north", "Qinghe North Station", (-q, q), 3);
        Station("st-south", "Qinghe South Station", (0, -q), 3);
    }

    private void BuildCounty(int county, double ringKm)
    {
        var number = county + 1;
        var angle = 2 * Math.PI * county / _options.Counties + Jitter(0.25);
        var distance = 35 + 55 * _random.NextDouble();
        var town = (X: Math.Round(distance * Math.Cos(angle), 3), Y: Math.Round(distance * Math.Sin(angle), 3));
        // The expressway leaves the ring road at one of its vertices, where a grid line meets it.
        var exit = Math.Abs(town.X) > Math.Abs(town.Y)
            ? (X: Math.Sign(town.X) * ringKm, Y: OnGridLine(town.Y * ringKm / Math.Abs(town.X), ringKm - 2))
            : (X: OnGridLine(town.X * ringKm / Math.Abs(town.Y), ringKm - 2), Y: Math.Sign(town.Y) * ringKm);
        Road(Path(exit, town, 0), 100, $"Expressway G{number}");

        var hasPci = county % 3 == 1;
        Hospital($"h-cty-{number}", $"County {Name(county)} People's Hospital", HospitalLevel.County,
            Capabilities.Thrombolysis | Capabilities.Ct | (hasPci ? Capabilities.Pci : Capabilities.None),
            hasPci ? 1 : 0, town, hasPci ? 75 : null, 55);
        Station($"st-cty-{number}", $"County {Name(county)} Ambulance Station", town, 3);

        for (var t = 0; t < _options.TownshipsPerCounty; t++)
        {
            var outward = angle + (t - (_options.TownshipsPerCounty - 1) / 2.0) * 2.2 / _options.TownshipsPerCounty + Jitter(0.15);
            var reach = 8 + 17 * _random.NextDouble();
            var township = (X: Math.Round(town.X + reach * Math.Cos(outward), 3), Y: Math.Round(town.Y + reach * Math.Sin(outward), 3));
            Road(Path(town, township, 0.4), 50, $"County road X{number}{t + 1:00}");
            var townshipId = $"{number}-{t + 1}";
            Hospital($"h-twp-{townshipId}", $"{Name(county)} Township {t + 1} Health Centre", HospitalLevel.Township,
                t % 2 == 0 ? Capabilities.Thrombolysis : Capabilities.None, 0, township, null, t % 2 == 0 ? 60 : null);

            for (var v = 0; v < _options.VillagesPerTownship; v++)
            {
                var bearing = outward + Jitter(1.2);
                var far = 3 + 5 * _random.NextDouble();
                var village = (X: Math.Round(township.X + far * Math.Cos(bearing), 3), Y: Math.Round(township.Y + far * Math.Sin(bearing), 3));
                Road(Path(township, village, 0.3), 30, $"Village road {townshipId}-{v + 1}");
                Hospital($"h-vil-{townshipId}-{v + 1}", $"{Name(county)} {t + 1}-{v + 1} Village Clinic", HospitalLevel.Village,
                    Capabilities.None, 0, village, null, null);
            }
        }
    }

    private double OnGridLine(double km, double half) => Math.Clamp(Snap(km), -half, half);

    private IEnumerable<(double X, double Y)> Path((double X, double Y) from, (double X, double Y) to, double wiggle)
    {
        var length = Math.Sqrt(Math.Pow(to.X - from.X, 2) + Math.Pow(to.Y - from.Y, 2));
        var steps = Math.Max(1, (int)Math.Ceiling(length / _options.RuralVertexSpacingKm));
        yield return from;
        for (var i = 1; i < steps; i++)
        {
            var f = (double)i / steps;
            yield return (Math.Round(from.X + (to.X - from.X) * f + Jitter(wiggle), 3),
                Math.Round(from.Y + (to.Y - from.Y) * f + Jitter(wiggle), 3));
        }

        yield return to;
    }

    private static IEnumerable<double> Line(double from, double to, double step)
    {
        for (var i = 0; from + i * step <= to + 1e-9; i++)
        {
            yield return Math.Round(from + i * step, 6);
        }
    }

    private double Snap(double km) => Math.Round(km / _options.UrbanSpacingKm) * _options.UrbanSpacingKm;

    private double Jitter(double amplitude) => amplitude == 0 ? 0 : (_random.NextDouble() * 2 - 1) * amplitude;

    private static string Name(int county) =>
        county < CountyNames.Length ? CountyNames[county] : $"{CountyNames[county % CountyNames.Length]} {county / CountyNames.Length + 1}";

    private static readonly string[] CountyNames =
        ["Anping", "Baiyang", "Chengnan", "Dongling", "Fengxi", "Gaotai", "Heshan", "Jinhe", "Liuzhuang", "Meixi", "Nanpu", "Pingyuan"];

    private void Road(IEnumerable<(double X, double Y)> points, double speedKmh, string name)
    {
        var geo = new List<GeoPoint>();
        foreach (var (x, y) in points)
        {
            var point = _plane.At(x, y);
            if (geo.Count == 0 || geo[^1] != point)
            {
                geo.Add(point);
            }
        }

        _roads.Add(new RoadSegment(geo, speedKmh, false, name));
    }

    private void Hospital(string id, string name, HospitalLevel level, Capabilities capabilities, int cathLabs,
        (double X, double Y) at, double? doorToDevice, double? doorToNeedle) =>
        _hospitals.Add(new HospitalProfile(id, name, level, capabilities, cathLabs, _plane.At(at.X, at.Y), doorToDevice, doorToNeedle));

    private void Station(string id, string name, (double X, double Y) at, int ambulances) =>
        _stations.Add(new AmbulanceStation(id, name, _plane.At(at.X, at.Y),
            [.. Enumerable.Range(0, ambulances).Select(_ => $"amb-{++_ambulances}")]));
}
