namespace Dispatch.Contracts.Errors;

/// <summary>A refused command. Whatever threw it changed nothing.</summary>
[GenerateSerializer, Alias("dispatch.RuleException")]
public sealed class RuleException : Exception
{
    public RuleException(RuleViolation violation, string message)
        : base(message) => Violation = violation;

    public RuleException()
    {
    }

    public RuleException(string message)
        : base(message)
    {
    }

    public RuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)] public RuleViolation Violation { get; private set; }
}
