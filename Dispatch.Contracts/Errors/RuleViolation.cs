namespace Dispatch.Contracts.Errors;

/// <summary>Why a command was refused; the API maps each to a gRPC status code.</summary>
[GenerateSerializer, Alias("dispatch.RuleViolation")]
public enum RuleViolation
{
    /// <summary>The command is malformed (missing hospital id, time in the future...).</summary>
    InvalidArgument = 0,
    /// <summary>The thing is not in a state where the command can happen.</summary>
    IllegalTransition = 1,
    /// <summary>A case, hospital or ambulance with that id does not exist.</summary>
    NotFound = 2,
    AlreadyExists = 3,
    /// <summary>A command id was reused for a different command.</summary>
    CommandIdConflict = 4,
}
