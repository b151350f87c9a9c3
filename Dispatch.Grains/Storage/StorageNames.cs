namespace Dispatch.Grains.Storage;

/// <summary>
/// The Orleans grain storage provider every grain persists through: in memory in the embedded
/// default, Redis in cluster mode.
/// </summary>
public static class StorageNames
{
    public const string Dispatch = "dispatch";
}
