namespace Dispatch.Api.Security;

/// <summary>A token bucket on the engine's clock: <c>burst</c> at once, then <c>perSecond</c>.</summary>
internal sealed class TokenBucket(double perSecond, double burst, DateTimeOffset now)
{
    private readonly double _burst = burst;
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private DateTimeOffset _refilledAt = now;

    public bool TryTake(DateTimeOffset now)
    {
        lock (_gate)
        {
            var elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(_burst, _tokens + elapsed * perSecond);
                _refilledAt = now;
            }

            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
