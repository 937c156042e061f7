"""Writes the numpy fixtures of the .npy/.npz tests with numpy itself (run once; the files are committed).

    python3 make_fixtures.py      # in this folder; numpy 2.x
"""
import io
import numpy as np
from numpy.lib import format as npformat

MATRIX = np.array([[1.5, -2.25, 3.0], [4.0, 5.5, -6.125]])


def save(name, array, version=None):
    with open(name, "wb") as f:
        if version is None:
            np.save(f, array)
        else:
            npformat.write_array(f, array, version=version)


# Read side: every dtype, byte order, memory order and header version the reader meets.
save("f4-le.npy", MATRIX.astype("<f4"))
save("f8-be-fortran.npy", np.asfortranarray(MATRIX.astype(">f8")))
save("i4-be.npy", np.array([[1, -2], [3, -2147483648]], dtype=">i4"))
save("i8-le-fortran-3d.npy", np.asfortranarray(np.arange(24, dtype="<i8").reshape(2, 3, 4) - 5))
save("i1.npy", np.array([-128, 0, 127], dtype="i1"))
save("i2-be.npy", np.array([-32768, 1, 32767], dtype=">i2"))
save("u1.npy", np.array([0, 255, 7], dtype="u1"))
save("u2-be.npy", np.array([0, 65535, 7], dtype=">u2"))
save("u4.npy", np.array([0, 4294967295, 7], dtype="<u4"))
save("u8.npy", np.array([2**64 - 1, 5], dtype="<u8"))
save("f2.npy", np.array([0.5, -1.0, 65504.0], dtype="<f2"))
save("bool.npy", np.array([True, False, True]))
save("scalar.npy", np.array(7.0))
save("empty.npy", np.zeros((0, 3)))
save("v2.npy", np.array([0.1, 0.2]), version=(2, 0))
save("v3.npy", np.array([0.1, 0.2]), version=(3, 0))
save("c8.npy", np.array([1 + 2j], dtype="<c8"))
save("struct.npy", np.zeros(2, dtype=[("x", "<f4"), ("y", "<i4")]))
save("unicode.npy", np.array(["ab", "c"]))

# Write side: np.save's exact bytes for arrays the writer produces (little-endian, C order).
save("save-f8-2d.npy", MATRIX)
save("save-f4-1d.npy", np.array([0.25, -1.0, 3.5], dtype="<f4"))
save("save-i8-scalar.npy", np.array(7, dtype="<i8"))
save("save-bool.npy", np.array([True, False]))
save("save-u1-3d.npy", np.arange(12, dtype="u1").reshape(2, 2, 3))
save("save-f8-empty.npy", np.zeros(0))
save("save-i4-wide.npy", np.arange(3, dtype="<i4").reshape(1, 3))

# Archives: stored (np.savez) and deflated (np.savez_compressed), with a big-endian Fortran array.
arrays = dict(x=MATRIX, y=np.array([0, 1], dtype="<i8"),
              w=np.asfortranarray(np.arange(6, dtype=">f4").reshape(2, 3)))
np.savez("stored.npz", **arrays)
np.savez_compressed("compressed.npz", **arrays)
