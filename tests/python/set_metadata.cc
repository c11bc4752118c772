// Writes one metadata entry of a Talash index, for the Python tests that need an index of
// another analysis version: set_metadata DB KEY VALUE.
#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: set_metadata DB KEY VALUE\n";
    return 2;
  }
  try {
    Xapian::WritableDatabase db(argv[1]);
    db.set_metadata(argv[2], argv[3]);
    db.commit();
  } catch (const Xapian::Error& e) {
    std::cerr << "set_metadata: " << e.get_description() << '\n';
    return 1;
  }
}
