using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dispatch.Ecg.Signal;

/// <summary>
/// A <see cref="Biquad"/>'s coefficients broadcast to the four lanes of a vector, and its step: each
/// lane multiplies and adds in the order the lead-by-lead filter does, so the results match it to the bit.
/// </summary>
internal readonly struct BiquadLanes
{
    private readonly Vector256<double> _b0, _b1, _b2, _a1, _a2;

    public BiquadLanes(Biquad design)
    {
        var (b0, b1, b2, a1, a2) = design.Coefficients;
        (_b0, _b1, _b2, _a1, _a2) = (Vector256.Create(b0), Vector256.Create(b1), Vector256.Create(b2), Vector256.Create(a1), Vector256.Create(a2));
    }

    /// <summary>The output for input <paramref name="x"/>, given the two inputs and two outputs before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Step(Vector256<double> x, Vector256<double> x1, Vector256<double> x2, Vector256<double> y1, Vector256<double> y2) =>
        _b0 * x + _b1 * x1 + _b2 * x2 - _a1 * y1 - _a2 * y2;
}
