namespace Dispatch.Grains.Audit;

/// <summary>Where routing decisions and every access to patient data are recorded. Recording never blocks the caller.</summary>
public interface IAuditTrail
{
    void Record(AuditEntry entry);
}
