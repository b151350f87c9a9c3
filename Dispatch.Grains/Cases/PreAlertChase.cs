namespace Dispatch.Grains.Cases;

/// <summary>What is due for a pending pre-alert at a given time: a repeat, an escalation, or both.</summary>
public readonly record struct PreAlertChase(bool Repeat, bool Escalate)
{
    public static PreAlertChase At(DateTimeOffset now, DateTimeOffset firstSent, DateTimeOffset lastSent, bool escalated, PreAlertOptions options) =>
        new(now - lastSent >= TimeSpan.FromMinutes(options.RepeatEveryMinutes),
            !escalated && now - firstSent >= TimeSpan.FromMinutes(options.EscalateAfterMinutes));
}
