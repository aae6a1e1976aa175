namespace AuthService.Domain.Users;

/// <summary>What proving a contact with a code that opens the account (sign-in, reset) did to it.</summary>
public enum ContactProof
{
    /// <summary>The contact was proven before: an ordinary sign-in, nothing changes.</summary>
    AlreadyProven,

    /// <summary>
    /// Nothing of the account had been proven: whoever set its password and other identifiers had
    /// not shown this contact to be theirs, so the account started over with this contact alone.
    /// </summary>
    StartedOver,

    /// <summary>
    /// The contact is unproven on an account someone else claimed by proving another contact: it
    /// was typed by that owner, not shown to be theirs, and opens nothing.
    /// </summary>
    Refused,
}
