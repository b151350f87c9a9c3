namespace Dispatch.Grains.Routing;

/// <summary>Up to two graph nodes with the seconds to (or from) them; <see cref="Node2"/> is -1 when there is one.</summary>
internal readonly record struct Legs(int Node1, double Seconds1, int Node2, double Seconds2)
{
    public (int Node, double Seconds)[] ToArray() => Node2 < 0 ? [(Node1, Seconds1)] : [(Node1, Seconds1), (Node2, Seconds2)];
}
