namespace Dispatch.Tests.Support;

/// <summary>One state's writes held in <see cref="HeldGrainStorage"/> until disposed.</summary>
public sealed class StorageHold(Action released) : IDisposable
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a write of the state has arrived and is being held.</summary>
    public Task Reached => _reached.Task;

    internal Task Wait()
    {
        _reached.TrySetResult();
        return _released.Task;
    }

    public void Dispose()
    {
        released();
        _released.TrySetResult();
    }
}
