// Shared by the face-flow tests and benchmarks: the movement the simulated person makes for a
// liveness challenge (or its flat-photo counterpart), and a quantile for their figures.
#pragma once

#include "face_auth/Liveness.h"
#include "hw/camera/SimulatedPersonCamera.h"

#include <algorithm>
#include <vector>

namespace mk::face::test {

inline hw::SimulatedScript scriptFor(LivenessChallenge challenge, bool flat = false)
{
    switch (challenge) {
        case LivenessChallenge::TurnLeft:
            return flat ? hw::SimulatedScript::FlatTurnLeft : hw::SimulatedScript::TurnLeft;
        case LivenessChallenge::TurnRight:
            return flat ? hw::SimulatedScript::FlatTurnRight : hw::SimulatedScript::TurnRight;
        case LivenessChallenge::Nod:
            return flat ? hw::SimulatedScript::FlatNod : hw::SimulatedScript::Nod;
        case LivenessChallenge::Unset:
            break;
    }
    return hw::SimulatedScript::Still;
}

// q in [0, 1]: 0.5 the median, 0 the minimum, 1 the maximum (nearest rank).
inline double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
}

}  // namespace mk::face::test
