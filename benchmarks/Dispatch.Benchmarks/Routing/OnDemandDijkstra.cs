using Dispatch.Grains.Routing;

namespace Dispatch.Benchmarks.Routing;

/// <summary>The baseline: a forward Dijkstra from the patient, run for every decision.</summary>
internal static class OnDemandDijkstra
{
    public static float[] SecondsFrom(TravelTimeIndex index, SnappedLocation from) => index.TreeFrom(from);

    public static double Minutes(TravelTimeIndex index, float[] treeFrom, SnappedLocation to) => index.MinutesThroughTreeFrom(treeFrom, to);
}
