using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Support;

/// <summary>
/// The fake clock the in-process test silos use. Silos are built by type, so the clock is shared
/// through this one place; tests read it, and only the clock tests move it.
/// </summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 2, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Shared { get; } = new(Start);
}
