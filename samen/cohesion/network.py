"""Figures of the acquaintance network: pure functions over an edge list and a node count.

Nodes are the households of a neighbourhood, edges are pairs of households that met (an
Acquaintance). Only the number of households is passed in, never who they are: a household
without any acquaintance does not appear in the edge list, so it is counted, not named.
"""

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class NetworkFigures:
    """The network of one moment, in four plain figures."""

    households: int
    pairs: int
    density: float  # the share of all possible pairs that know each other (0–1)
    average_acquaintances: float  # known acquaintances per household
    share_without: float  # the share of households without a known acquaintance (0–1)
    largest_group: int  # households in the largest group connected by acquaintances
    largest_group_share: float  # the same as a share of all households (0–1)

    @property
    def density_percent(self) -> float:
        """Return the density in percent."""
        return 100 * self.density

    @property
    def without_percent(self) -> float:
        """Return the share without a known acquaintance in percent."""
        return 100 * self.share_without

    @property
    def largest_group_percent(self) -> float:
        """Return the largest group's share in percent."""
        return 100 * self.largest_group_share


def network_figures(edges: Iterable[tuple[int, int]], node_count: int) -> NetworkFigures:
    """Return the figures of a network of `node_count` households and these pairs."""
    graph = nx.Graph()
    graph.add_edges_from((low, high) for low, high in edges if low != high)
    # Pairs with a household that has since left would count a node twice: the network can
    # never have more nodes than the neighbourhood has households.
    nodes = max(node_count, graph.number_of_nodes())
    pairs = graph.number_of_edges()
    if nodes == 0:
        return NetworkFigures(0, 0, 0.0, 0.0, 0.0, 0, 0.0)
    connected = graph.number_of_nodes()
    components = [len(c) for c in nx.connected_components(graph)]
    # A household on its own is a "group" of one.
    largest = max(components, default=1)
    possible = nodes * (nodes - 1) / 2
    return NetworkFigures(
        households=nodes,
        pairs=pairs,
        density=pairs / possible if possible else 0.0,
        average_acquaintances=2 * pairs / nodes,
        share_without=(nodes - connected) / nodes,
        largest_group=largest,
        largest_group_share=largest / nodes,
    )
