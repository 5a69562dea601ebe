package org.openrfid.trace.service.gate;

/**
 * Compares what passed a gate with what was expected there. One per kind of gate: customs at
 * {@code port_gate}, logistics at {@code dock_door}, the library at {@code library_gate}. Register an
 * implementation as a bean and {@link GateTransactions} asks it about every transaction at its gates.
 */
public interface GateReconciler {

    /** The location kind this reconciler answers for. */
    String locationKind();

    /** The comparison; called once per transaction, off the passage path. */
    Reconciliation reconcile(GateContents contents);

    /** Told once the transaction is stored (history, status changes); by default nothing. */
    default void recorded(GateTransaction transaction) {
    }
}
