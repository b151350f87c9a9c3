namespace Dispatch.Simulator.Drills;

/// <summary>Drill time against real time: at speed 60 a drill minute passes in a real second.</summary>
public sealed class DrillClock(double speed, TimeProvider real)
{
    private readonly long _started = real.GetTimestamp();

    public double Speed => speed;

    /// <summary>Drill minutes since the start.</summary>
    public double Minute => real.GetElapsedTime(_started).TotalMinutes * speed;

    public TimeSpan Real(double drillSeconds) => TimeSpan.FromSeconds(drillSeconds / speed);

    /// <summary>Waits until the drill clock reads <paramref name="minute"/>.</summary>
    public Task Until(double minute, CancellationToken cancellation)
    {
        var wait = TimeSpan.FromMinutes((minute - Minute) / speed);
        return wait > TimeSpan.Zero ? Task.Delay(wait, real, cancellation) : Task.CompletedTask;
    }

    public Task For(double drillSeconds, CancellationToken cancellation) =>
        drillSeconds > 0 ? Task.Delay(Real(drillSeconds), real, cancellation) : Task.CompletedTask;
}
